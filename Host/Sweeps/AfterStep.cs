namespace Neuromorph.Host.Sweeps;

/// <summary>
/// One <c>[[after]]</c> entry of a sweep file: an <c>eval</c> or <c>attack</c> command run on every run once it has
/// trained, with the run's directory as its first argument, e.g. <c>command = "eval"</c>,
/// <c>args = ["--early-exit", "0.9"]</c>. Its report lands in the run directory, where <c>sweep report</c> reads it.
/// </summary>
internal sealed record AfterStep(string Command, IReadOnlyList<string> Args)
{
    /// <summary>The commands an after-step may run.</summary>
    public static IReadOnlyList<string> Commands { get; } = ["eval", "attack"];

    /// <summary>The command line for the run in <paramref name="runDirectory"/>.</summary>
    public string[] CommandLine(string runDirectory) => [Command, runDirectory, .. Args];

    public override string ToString() => string.Join(' ', [Command, "<run>", .. Args]);
}
