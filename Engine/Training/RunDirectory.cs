using Neuromorph.Data;
using System.Text.Json;

namespace Neuromorph.Engine.Training;

/// <summary>
/// The files of one run: <c>config.toml</c> (the effective configuration), <c>metrics.jsonl</c> (one JSON
/// object per epoch), <c>summary.json</c>, and <c>checkpoints/last.ckpt</c> and <c>best.ckpt</c>.
/// Every file is replaced atomically; the metrics log is rewritten whole on each append.
/// </summary>
internal sealed class RunDirectory(string path)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = false,
    };

    private static readonly JsonSerializerOptions IndentedJson = new(Json) { WriteIndented = true };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string ConfigPath => System.IO.Path.Combine(Path, "config.toml");

    public string MetricsPath => System.IO.Path.Combine(Path, "metrics.jsonl");

    public string SummaryPath => System.IO.Path.Combine(Path, "summary.json");

    public string CheckpointsPath => System.IO.Path.Combine(Path, "checkpoints");

    public string LastCheckpointPath => System.IO.Path.Combine(CheckpointsPath, "last" + CheckpointFile.Extension);

    public string BestCheckpointPath => System.IO.Path.Combine(CheckpointsPath, "best" + CheckpointFile.Extension);

    public bool HasCheckpoint => File.Exists(LastCheckpointPath);

    public void WriteConfig(string toml) => AtomicFile.WriteAllText(ConfigPath, toml);

    public void AppendMetrics(EpochMetrics metrics)
    {
        var lines = ReadMetricLines().ToList();
        lines.Add(JsonSerializer.Serialize(metrics, Json));
        AtomicFile.WriteAllText(MetricsPath, string.Join('\n', lines) + "\n");
    }

    /// <summary>Keeps only the metrics of the first <paramref name="epochs"/> epochs (used on resume).</summary>
    public void TruncateMetrics(int epochs)
    {
        if (!File.Exists(MetricsPath)) return;
        var kept = ReadMetricLines()
            .Where(line => JsonDocument.Parse(line).RootElement.GetProperty("epoch").GetInt32() <= epochs)
            .ToList();
        AtomicFile.WriteAllText(MetricsPath, kept.Count == 0 ? "" : string.Join('\n', kept) + "\n");
    }

    public IReadOnlyList<EpochMetrics> ReadMetrics() =>
        ReadMetricLines().Select(line => JsonSerializer.Deserialize<EpochMetrics>(line, Json)!).ToList();

    public void WriteSummary(RunSummary summary) =>
        AtomicFile.WriteAllText(SummaryPath, JsonSerializer.Serialize(summary, IndentedJson) + "\n");

    public RunSummary? ReadSummary() =>
        File.Exists(SummaryPath) ? JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(SummaryPath), Json) : null;

    private IEnumerable<string> ReadMetricLines() =>
        File.Exists(MetricsPath)
            ? File.ReadAllLines(MetricsPath).Where(line => !string.IsNullOrWhiteSpace(line))
            : [];
}
