using System.Text.Json;
using Neuromorph.Data;
using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Sweeps;

/// <summary>How a sweep's task ended, in <c>tasks/&lt;run&gt;/outcome.json</c>.</summary>
/// <param name="State"><c>completed</c>, <c>failed</c> or <c>interrupted</c>.</param>
/// <param name="ExitCode">The task's exit code.</param>
/// <param name="Error">The last error line the task printed, or null.</param>
/// <param name="Host">The machine it ran on.</param>
/// <param name="StartedAt">When the task started.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="After">The after-steps it ran (as written in the plan), all of them when it completed.</param>
internal sealed record TaskOutcome(
    string State, int ExitCode, string? Error, string Host, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, IReadOnlyList<string> After)
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Interrupted = "interrupted";

    private static readonly JsonSerializerOptions Json = new(RunDirectory.Json)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string PathIn(string taskDirectory) => System.IO.Path.Combine(taskDirectory, "outcome.json");

    public void Write(string taskDirectory) =>
        AtomicFile.WriteAllText(PathIn(taskDirectory), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>The outcome recorded in <paramref name="taskDirectory"/>, or null when there is none or it does not read
    /// (a task killed while writing it leaves no file: every write is a rename).</summary>
    public static TaskOutcome? Read(string taskDirectory)
    {
        var path = PathIn(taskDirectory);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<TaskOutcome>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
