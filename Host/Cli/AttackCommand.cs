using System.CommandLine;
using Neuromorph.Engine.Robustness;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plotting;
using Neuromorph.Host.Reporting;

namespace Neuromorph.Host.Cli;

/// <summary>
/// <c>attack &lt;run-dir&gt; [--attack name]... [--set attack.&lt;name&gt;.key=value]... [--epsilons [norm:]list]...</c>:
/// evaluates a trained run's checkpoint on its test set under adversarial attacks, the model in evaluation mode
/// and its weights untouched. Prints clean accuracy, each attack's robust accuracy and the per-sample worst case per (norm, ε),
/// and writes <c>robustness.json</c> in the run directory (and redraws the run's figures). An attack that fails is reported by name; the others
/// still run and are written, and the command then exits with code 1.
/// </summary>
internal static class AttackCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var runDir = TrainedRun.RunDirArgument();
        var attacks = new Option<string[]>("--attack")
        {
            Description = "An attack plugin to run (repeatable; default: every attack plugin found).",
        };
        var set = new Option<string[]>("--set")
        {
            Description = "Override an attack option: --set attack.<name>.<key>=<value>, e.g. --set attack.pgd.steps=20 (repeatable).",
        };
        var epsilons = new Option<string[]>("--epsilons")
        {
            Description = "Sweep the budget: run every attack that has an epsilon option once per value, e.g. 0,2/255,4/255,8/255; " +
                          "a list starting with linf:, l2: or other: is for the attacks of that norm only, e.g. l2:0.5,1 (repeatable).",
        };
        var checkpoint = TrainedRun.CheckpointOption("attack");
        var pluginDirs = new Option<string[]>("--plugin-dir")
        {
            Description = "A folder to load attack plugins from, besides the bundled ones and the run's [plugins] directories (repeatable).",
        };
        var reportFile = new Option<string>("--report")
        {
            Description = "Where to write the report, relative to the run directory (default robustness.json); keeps several evaluations apart.",
            DefaultValueFactory = _ => RobustnessReport.FileName,
        };
        var batchSize = new Option<int?>("--batch-size")
        {
            Description = "Images attacked at once (default: the run's data.batch_size; an attack holds a training-sized graph per batch).",
        };
        batchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1) result.AddError("--batch-size must be >= 1.");
        });
        var limit = new Option<int>("--limit") { Description = "Attack only the first N test samples (0 = all)." };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0) result.AddError("--limit must be >= 0 (0 attacks every test sample).");
        });
        var command = new Command("attack", "Measure a trained run's robustness to adversarial attacks.") { runDir, attacks, set, epsilons, checkpoint, limit, batchSize, pluginDirs, reportFile };
        command.SetAction(parse =>
        {
            try
            {
                var sweep = parse.GetValue(epsilons) is { Length: > 0 } lists ? EpsilonList.Parse(lists) : null;
                var request = new AttackRequest(parse.GetValue(attacks) ?? [], sweep);
                var options = new AttackOptions(
                    parse.GetValue(runDir)!, parse.GetValue(checkpoint)!, parse.GetValue(set) ?? [], parse.GetValue(limit), parse.GetValue(batchSize), parse.GetValue(pluginDirs) ?? [],
                    parse.GetValue(reportFile)!);
                return Attack(options, request, output, error);
            }
            catch (Exception exception)
            {
                return ErrorReport.Write(exception, error);
            }
        });
        return command;
    }

    private sealed record AttackOptions(
        string RunDir, string Checkpoint, IReadOnlyList<string> Sets, int Limit, int? BatchSize, IReadOnlyList<string> PluginDirectories, string ReportFile);

    private static int Attack(AttackOptions options, AttackRequest request, TextWriter output, TextWriter error)
    {
        foreach (var assignment in options.Sets)
            if (!assignment.TrimStart().StartsWith("attack.", StringComparison.Ordinal))
                throw new ConfigurationException(
                    $"--set '{assignment}': 'attack' takes only attack options, --set attack.<name>.<key>=<value> (the run's other settings are fixed by its checkpoint).");
        var (runDirectory, checkpointPath) = TrainedRun.Open(options.RunDir, options.Checkpoint);
        var reportPath = Path.GetFullPath(options.ReportFile, runDirectory.Path);
        if (options.ReportFile.Trim().Length == 0 || Directory.Exists(reportPath) || !Directory.Exists(Path.GetDirectoryName(reportPath)))
            throw new ConfigurationException($"--report '{options.ReportFile}': give a file name in an existing folder, e.g. --report robustness-pgd.json.");
        var configuration = ConfigurationLoader.Load(runDirectory.ConfigPath, options.Sets);
        foreach (var directory in options.PluginDirectories)
            if (!Directory.Exists(directory))
                throw new ConfigurationException($"--plugin-dir '{directory}' does not exist.");
        configuration = configuration with
        {
            Data = options.Limit > 0 ? configuration.Data with { TestLimit = options.Limit } : configuration.Data,
            Plugins = configuration.Plugins with
            {
                Directories = [.. configuration.Plugins.Directories, .. options.PluginDirectories.Select(d => Path.GetFullPath(d))],
            },
        };
        using var experiment = ExperimentFactory.Create(configuration, request);
        WarnAboutEmptySweeps(request.Epsilons, experiment.Attacks, error);
        var network = experiment.Network;
        var header = TrainedRun.Load(checkpointPath, experiment, output);
        // Attacks backpropagate like training does, so they take batches of the size the run trained with.
        using var batches = experiment.CreateTestBatches(options.BatchSize ?? configuration.Data.BatchSize);
        var total = batches.Dataset.Count;
        output.WriteLine($"Attacking {total} test images with {string.Join(", ", experiment.Attacks.Select(a => $"{a.Run.Name} ({RobustnessTable.Budget(a.Run.Budget.Norm, a.Run.Budget.Epsilon)})"))}.");
        var progress = new ProgressLine(output, total);
        var result = RobustnessEvaluator.Evaluate(
            network, experiment.Slots.Surrogate, batches.Epoch(0), experiment.Attacks.Select(a => a.Run).ToArray(), progress.Report);

        var title = $"{experiment.Description.Model} ({experiment.Description.Neuron}, T = {network.Timesteps}) from {checkpointPath} (after {header.GlobalIteration} iterations)";
        var report = RobustnessReport.From(Path.GetFileName(checkpointPath), header.GlobalIteration, network.Timesteps, result, experiment.Attacks);
        RobustnessTable.Write(output, title, report);
        report.Write(reportPath);
        output.WriteLine($"report: {reportPath}");
        AutomaticPlots.Draw(runDirectory.Path, [reportPath], output);
        var failed = report.Attacks.Where(a => a.Error is not null).ToArray();
        foreach (var attack in failed)
            error.WriteLine($"error: attack '{attack.Name}' failed and was left out of the worst case: {attack.Error}");
        return failed.Length == 0 ? ExitCodes.Success : ExitCodes.RuntimeFailure;
    }

    /// <summary>
    /// A list given for one norm that no attack takes is most likely a mistake (cw's max_l2 looks like an L2 ε but is
    /// not swept): say so rather than ignore it.
    /// </summary>
    private static void WarnAboutEmptySweeps(EpsilonSweep? sweep, IReadOnlyList<ConfiguredAttack> attacks, TextWriter error)
    {
        foreach (var norm in sweep?.PerNorm.Keys ?? [])
        {
            if (attacks.Any(a => a.Run.Budget.Norm == norm && a.Run.Budget.Epsilon is not null))
                continue;
            error.WriteLine(
                $"warning: --epsilons {NormNames.Key(norm)}: sweeps nothing: no attack run here is an {norm} attack with an epsilon option " +
                "(an attack's budget is swept only when its option is called epsilon; cw's max_l2 is not).");
        }
    }

    /// <summary>Prints the samples done at most every tenth of the way.</summary>
    private sealed class ProgressLine(TextWriter output, int total)
    {
        private readonly System.Diagnostics.Stopwatch stopwatch = System.Diagnostics.Stopwatch.StartNew();
        private int nextReport = Math.Max(1, total / 10);

        public void Report(int done)
        {
            if (done < nextReport || done >= total) return;
            output.WriteLine($"  {done}/{total} images attacked ({stopwatch.Elapsed.TotalSeconds:F0} s)");
            nextReport = done + Math.Max(1, total / 10);
        }
    }
}
