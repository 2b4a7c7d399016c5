using System.CommandLine;
using Neuromorph.Host.Sweeps;
using Neuromorph.Host.Sweeps.Reporting;

namespace Neuromorph.Host.Cli;

/// <summary>
/// <c>sweep run|status|report|task</c>: a grid of runs from a sweep file, run here or as a Slurm job array, where it stands, and a report with statistics.
/// </summary>
internal static class SweepCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("sweep", "Run a grid of trainings (schemes × seeds × settings) from a sweep file, here or on a Slurm cluster, and report on it.")
        {
            RunCommand(output, error),
            StatusCommand(output, error),
            TaskCommand(output, error),
            ReportCommand(output, error),
        };

    private static Command RunCommand(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("sweep-file") { Description = "The sweep's TOML file (see config/sweep.toml)." };
        var executor = new Option<SweepExecutor>("--executor") { Description = "Where the runs go: local (child processes here) or slurm (a job array).", DefaultValueFactory = _ => SweepExecutor.Local };
        var parallel = new Option<int>("--parallel") { Description = "Local runs at once (each gets cores / N threads unless it sets run.threads).", DefaultValueFactory = _ => 1 };
        var directory = new Option<string?>("--sweep-dir") { Description = "The sweep's directory (default sweeps/<sweep.name>)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate every run and print the plan (and the Slurm script); write and start nothing." };
        parallel.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 1 || value > Environment.ProcessorCount * 4)
                result.AddError($"--parallel {value} is out of range: it must be in [1, {Environment.ProcessorCount * 4}] (this machine has {Environment.ProcessorCount} cores).");
        });
        var command = new Command("run", "Run every run of the sweep that is not completed yet: skips completed runs, resumes interrupted ones.")
        {
            file, executor, parallel, directory, dryRun,
        };
        command.SetAction((parse, _) => SweepRunner.RunAsync(
            new SweepRunRequest(parse.GetValue(file)!, parse.GetValue(executor), parse.GetValue(parallel), parse.GetValue(directory), parse.GetValue(dryRun)),
            output, error));
        return command;
    }

    private static Command StatusCommand(TextWriter output, TextWriter error)
    {
        var directory = new Argument<string>("sweep-dir") { Description = "The sweep's directory (e.g. sweeps/<name>)." };
        var command = new Command("status", "Each run's state (pending, running, completed, failed, interrupted) and a summary line.") { directory };
        command.SetAction(parse => SweepStatus.Write(parse.GetValue(directory)!, output, error));
        return command;
    }

    private static Command TaskCommand(TextWriter output, TextWriter error)
    {
        var directory = new Argument<string>("sweep-dir") { Description = "The sweep's directory." };
        var index = new Argument<int>("index") { Description = "The run's index in the plan (a Slurm array task id)." };
        var threads = new Option<int>("--threads") { Description = "Threads for a run that does not set run.threads (0 = libtorch's default)." };
        var command = new Command("task", "Run one run of a sweep (what the executors start; safe to run again: it resumes or skips).")
        {
            directory, index, threads,
        };
        command.SetAction((parse, _) => SweepTask.RunAsync(parse.GetValue(directory)!, parse.GetValue(index), parse.GetValue(threads), output, error));
        return command;
    }

    private static Command ReportCommand(TextWriter output, TextWriter error)
    {
        var directory = new Argument<string>("sweep-dir") { Description = "The sweep's directory (e.g. sweeps/<name>)." };
        var baseline = new Option<string[]>("--baseline")
        {
            Description = "key=value (as --set takes it) choosing the baseline group; repeatable; replaces the sweep file's baseline.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("report", "Per group mean, std, min, max of every metric, differences from the baseline with 95% CIs and "
            + "Welch/paired t-tests: writes results.md and results.csv in the sweep directory.")
        {
            directory, baseline,
        };
        command.SetAction(parse => SweepReport.Write(parse.GetValue(directory)!, parse.GetValue(baseline) ?? [], output, error));
        return command;
    }
}
