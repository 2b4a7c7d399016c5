using System.CommandLine;
using Neuromorph.Host.Plotting;

namespace Neuromorph.Host.Cli;

/// <summary>
/// <c>plot &lt;run-dir&gt; [--raster] [--compare &lt;run-dir&gt;...] [--robustness FILE]...</c>: draws every figure the
/// run's files allow into <c>&lt;run-dir&gt;/plots/</c> (PNG), a spike raster of one test sample with <c>--raster</c>, and
/// the runs' curves overlaid with <c>--compare</c>. A figure whose data the run lacks is skipped with a note; a run
/// without metrics, a corrupt file or a named report that is missing exits with code 3.
/// </summary>
internal static class PlotCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var runDir = TrainedRun.RunDirArgument();
        var raster = new Option<bool>("--raster")
        {
            Description = "Also draw a spike raster: the run's network (its checkpoint) on one test sample, 32 neurons of each spiking layer.",
        };
        var checkpoint = TrainedRun.CheckpointOption("run for the raster");
        var compare = new Option<string[]>("--compare")
        {
            Description = "Other run directories whose curves to overlay on this run's (legend: the configuration keys that differ).",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "run-dir",
        };
        var robustness = new Option<string[]>("--robustness")
        {
            Description = "A robustness report to plot besides robustness*.json (the name 'attack --report' wrote, relative to the run directory; repeatable).",
            HelpName = "file",
        };
        var command = new Command("plot", "Draw a run's figures (PNG) into <run-dir>/plots/.") { runDir, raster, checkpoint, compare, robustness };
        command.SetAction(parse =>
        {
            try
            {
                return Plot(parse.GetValue(runDir)!, parse.GetValue(raster), parse.GetValue(checkpoint)!, parse.GetValue(compare) ?? [], parse.GetValue(robustness) ?? [], output);
            }
            catch (Exception exception)
            {
                return ErrorReport.Write(exception, error);
            }
        });
        return command;
    }

    private static int Plot(string runDir, bool raster, string checkpoint, IReadOnlyList<string> compare, IReadOnlyList<string> robustness, TextWriter output)
    {
        var run = PlottedRun.Open(runDir);
        var others = compare.Select(PlottedRun.Open).ToArray();
        var drawn = RunPlots.Draw(run, robustness, tolerant: false);
        if (raster) SpikeRaster.Draw(run, checkpoint, drawn, output);
        if (others.Length > 0) RunComparison.Draw(run, others, drawn);
        output.WriteLine($"plots: {run.PlotsPath}");
        foreach (var file in drawn.Written) output.WriteLine($"  {Path.GetRelativePath(run.PlotsPath, file)}");
        foreach (var (figure, reason) in drawn.Skipped) output.WriteLine($"note: {figure}: not drawn: {reason}");
        return ExitCodes.Success;
    }
}
