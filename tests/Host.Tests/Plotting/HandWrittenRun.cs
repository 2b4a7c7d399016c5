using Neuromorph.Abstractions;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Reporting;

namespace Neuromorph.Host.Tests.Plotting;

/// <summary>
/// A run directory written by hand (T = 4): config.toml, metrics.jsonl and summary.json through the run's own writers,
/// and evaluation and robustness reports when asked. No training.
/// </summary>
internal sealed class HandWrittenRun
{
    public const int Timesteps = 4;

    public HandWrittenRun(string path, string scheme = "strong2weak", long seed = 0)
    {
        Directory = new RunDirectory(path);
        System.IO.Directory.CreateDirectory(Directory.Path);
        Scheme = scheme;
        Directory.WriteConfig(
            $"[run]\nname = \"hand\"\nseed = {seed}\nepochs = 3\n[data]\ndataset = \"embedded-fashion-mnist\"\nbatch_size = 64\n" +
            $"[model]\nname = \"csnn\"\ntimesteps = {Timesteps}\n[neuron]\nplugin = \"lif\"\n[distillation]\nscheme = \"{scheme}\"\n");
    }

    public RunDirectory Directory { get; }

    public string Path => Directory.Path;

    public string Scheme { get; }

    public string Plots => System.IO.Path.Combine(Path, "plots");

    /// <summary>
    /// <paramref name="epochs"/> epochs of rising accuracy and falling loss, with the self-distillation diagnostics when
    /// <paramref name="diagnostics"/> and firing rates of three layers when <paramref name="firingRates"/>; and the summary.
    /// </summary>
    public HandWrittenRun Train(int epochs = 3, bool diagnostics = true, bool firingRates = true)
    {
        EpochMetrics? last = null;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var accuracy = 0.6 + 0.05 * epoch;
            var atTimesteps = Enumerable.Range(1, Timesteps).Select(k => accuracy - 0.04 * (Timesteps - k)).ToArray();
            var diagnosticValues = diagnostics
                ? new Dictionary<string, double[]>
                {
                    ["distillation_loss"] = [0.3 / epoch],
                    ["confidence"] = [0.5 + 0.02 * epoch, 0.6 + 0.03 * epoch, 0.7 + 0.03 * epoch, 0.75 + 0.03 * epoch],
                    ["strong_counts"] = [2, 10, 40, 100],
                    ["weak_counts"] = [140, 8, 3, 1],
                }
                : new Dictionary<string, double[]>();
            last = new EpochMetrics(epoch, 1.5 / epoch + 0.2, accuracy - 0.01, accuracy, atTimesteps, 0.001, 10, 1000, diagnosticValues)
            {
                Iterations = 152,
                FiringRates = firingRates ? Rates(0) : new Dictionary<string, double[]>(),
                TestFiringRates = firingRates ? Rates(0.01) : new Dictionary<string, double[]>(),
            };
            Directory.AppendMetrics(last);
        }
        Directory.WriteSummary(new RunSummary("embedded-fashion-mnist", "csnn", "lif", Scheme, Timesteps, epochs, epochs, true, 0, 1000,
            last!.TestAccuracy, last.TestAccuracyAtTimesteps, last.TestAccuracy, epochs, 1000, 30, new Dictionary<string, double[]>())
        {
            FiringRates = last.FiringRates,
            TestFiringRates = last.TestFiringRates,
        });
        return this;
    }

    /// <summary>evaluation.json of best.ckpt, with early exit at θ = 0.5, 0.9 and 0.99 when <paramref name="earlyExit"/>.</summary>
    public HandWrittenRun Evaluate(bool earlyExit = true)
    {
        EarlyExitReport[] exits = earlyExit ? [new(0.5, 0.72, 1.1), new(0.9, 0.74, 2.1), new(0.99, 0.75, 3.2)] : [];
        new EvaluationReport("best.ckpt", 2000, 0.75, [0.63, 0.7, 0.73, 0.75], Timesteps, exits).Write(Directory, null);
        return this;
    }

    /// <summary>A robustness report: FGSM and PGD at L∞ 0, 2/255, 8/255, an L2 attack at two ε, and CW (no ε).</summary>
    public HandWrittenRun Attack(string file = RobustnessReport.FileName)
    {
        var attacks = new List<AttackReport>();
        foreach (var (name, accuracies) in new[] { ("fgsm", new[] { 0.75, 0.5, 0.2 }), ("pgd", new[] { 0.75, 0.4, 0.05 }) })
            foreach (var (epsilon, accuracy) in new[] { 0.0, 2.0 / 255, 8.0 / 255 }.Zip(accuracies))
                attacks.Add(Attack(name, PerturbationNorm.Linf, epsilon, accuracy));
        attacks.Add(Attack("l2-pgd", PerturbationNorm.L2, 0.5, 0.6));
        attacks.Add(Attack("l2-pgd", PerturbationNorm.L2, 1.0, 0.3));
        attacks.Add(Attack("cw", PerturbationNorm.L2, null, 0.1));
        WorstCaseReport[] worst = [new(PerturbationNorm.Linf, 0, ["fgsm", "pgd"], 0.75), new(PerturbationNorm.Linf, 2.0 / 255, ["fgsm", "pgd"], 0.38), new(PerturbationNorm.Linf, 8.0 / 255, ["fgsm", "pgd"], 0.04)];
        new RobustnessReport("best.ckpt", 456, Timesteps, 200, 0.75, attacks, worst).Write(System.IO.Path.Combine(Path, file));
        return this;
    }

    private static AttackReport Attack(string name, PerturbationNorm norm, double? epsilon, double accuracy) =>
        new(name, norm, epsilon, "atan", new Dictionary<string, object?>(), 200, accuracy, 1.0, epsilon ?? 0.1, 1, 1, null);

    private static Dictionary<string, double[]> Rates(double shift) => new()
    {
        ["spike1"] = [0.10 + shift, 0.20, 0.18, 0.17],
        ["spike2"] = [0.05 + shift, 0.12, 0.11, 0.10],
        ["spike3"] = [0.01 + shift, 0.08, 0.09, 0.10],
    };
}
