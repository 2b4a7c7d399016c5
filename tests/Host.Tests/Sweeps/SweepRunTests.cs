using System.Text.Json;
using Neuromorph.Host.Sweeps;
using Neuromorph.Host.Tests.Cli;

namespace Neuromorph.Host.Tests.Sweeps;

/// <summary><c>sweep run</c> and <c>sweep status</c> with the local executor, which starts each task as a process of the built host.</summary>
public sealed class SweepRunTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-sweep-run-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Run_TinySweep_CompletesEveryRun_AndRunningItAgainStartsNothing()
    {
        var file = TinySweep.Write(root, "tiny", TinySweep.SetTable() + """
            [grid]
            "distillation.scheme" = ["none", "strong2weak"]
            "run.seed" = [0, 1]

            [[after]]
            command = "eval"
            args = ["--early-exit", "0.9"]
            """);
        var sweepDir = Path.Combine(root, "s");

        var run = await CliRun.RunAsync("sweep", "run", file, "--sweep-dir", sweepDir, "--parallel", "2");

        run.ExitCode.Should().Be(0, run.Error + run.Output);
        string[] names = ["scheme=none,seed=0", "scheme=strong2weak,seed=0", "scheme=none,seed=1", "scheme=strong2weak,seed=1"];
        foreach (var name in names)
        {
            var runDir = Path.Combine(sweepDir, "runs", name);
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "summary.json")));
            summary.RootElement.GetProperty("completed").GetBoolean().Should().BeTrue();
            summary.RootElement.GetProperty("seed").GetInt64().Should().Be(name.EndsWith("seed=1") ? 1 : 0);
            summary.RootElement.GetProperty("scheme").GetString().Should().Be(name.Contains("strong2weak") ? "strong2weak" : "none");
            File.Exists(Path.Combine(runDir, "evaluation.json")).Should().BeTrue("the after-step evaluated {0}", name);
            run.Output.Should().Contain($"finished {name}: test accuracy");
        }
        File.ReadAllText(Path.Combine(sweepDir, "sweep.toml")).Should().Be(File.ReadAllText(file));
        using (var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(sweepDir, "plan.json"))))
            plan.RootElement.GetProperty("runs").EnumerateArray().Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("name").GetString()))
                .Should().Equal(names.Select((n, i) => (i, (string?)n)));

        var status = await CliRun.RunAsync("sweep", "status", sweepDir);
        status.ExitCode.Should().Be(0);
        status.Output.Should().Contain("4 runs: 4 completed");

        var again = await CliRun.RunAsync("sweep", "run", file, "--sweep-dir", sweepDir, "--parallel", "2");
        again.ExitCode.Should().Be(0, again.Error);
        again.Output.Should().Contain("4 completed, 0 running or queued, 0 to run").And.NotContain("started");

        // A run directory of a sweep is an ordinary run directory.
        var eval = await CliRun.RunAsync("eval", Path.Combine(sweepDir, "runs", names[0]));
        eval.ExitCode.Should().Be(0, eval.Error);

        // A change that would give existing runs another configuration is refused, naming the key; nothing runs.
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"optimizer.lr\" = 0.003", "\"optimizer.lr\" = 0.002"));
        var changed = await CliRun.RunAsync("sweep", "run", file, "--sweep-dir", sweepDir);
        changed.ExitCode.Should().Be(2);
        changed.Error.Should().Contain("already ran").And.Contain("optimizer.lr = 0.003 -> 0.002").And.Contain("Nothing was started");
        File.ReadAllText(Path.Combine(sweepDir, "sweep.toml")).Should().Contain("\"optimizer.lr\" = 0.003", "a refused sweep writes nothing");
    }

    [Fact]
    public async Task Run_InvalidGridValue_Exit2NamingKeyValueAndRun_AndCreatesNothing()
    {
        var file = TinySweep.Write(root, "bad", TinySweep.SetTable() + """
            [grid]
            "run.seed" = [0, 1]
            "model.timesteps" = [2, 0]
            """);
        var sweepDir = Path.Combine(root, "bad-sweep");

        var run = await CliRun.RunAsync("sweep", "run", file, "--sweep-dir", sweepDir);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("run 'seed=0,timesteps=0' (run.seed = 0, model.timesteps = 0) and 1 other run")
            .And.Contain("model.timesteps").And.Contain("Nothing was started");
        Directory.Exists(sweepDir).Should().BeFalse();
    }

    [Fact]
    public async Task Run_UnknownGridKeyOrPluginName_Exit2WithTheNearestName()
    {
        var unknownKey = TinySweep.Write(root, "k", "[grid]\n\"run.sed\" = [1]\n");
        var unknownScheme = TinySweep.Write(root, "p", "[grid]\n\"distillation.scheme\" = [\"strong2wek\"]\n");

        var key = await CliRun.RunAsync("sweep", "run", unknownKey, "--sweep-dir", Path.Combine(root, "k"));
        var scheme = await CliRun.RunAsync("sweep", "run", unknownScheme, "--sweep-dir", Path.Combine(root, "p"));

        key.ExitCode.Should().Be(2);
        key.Error.Should().Contain("run.sed").And.Contain("run.seed");
        scheme.ExitCode.Should().Be(2);
        scheme.Error.Should().Contain("strong2wek").And.Contain("Did you mean 'strong2weak'?");
    }

    [Fact]
    public async Task Run_DirectoryHoldingAnotherSweepOrOtherFiles_Exit2()
    {
        var first = TinySweep.Write(root, "first", "[grid]\n\"run.seed\" = [0]\n");
        var second = TinySweep.Write(root, "second", "[grid]\n\"run.seed\" = [0]\n");
        var sweepDir = Path.Combine(root, "shared");
        var dryRun = await CliRun.RunAsync("sweep", "run", first, "--sweep-dir", sweepDir, "--dry-run");
        Directory.Exists(sweepDir).Should().BeFalse("a dry run writes nothing");
        dryRun.Output.Should().Contain("seed=0").And.Contain("1 of 1 runs would run");
        Directory.CreateDirectory(sweepDir);
        var firstSweep = SweepFile.Load(first);
        SweepPlan.Make(firstSweep, SweepExpansion.Expand(firstSweep), previous: null).Write(Path.Combine(sweepDir, "plan.json"));
        var other = Path.Combine(root, "other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "notes.txt"), "mine");

        var another = await CliRun.RunAsync("sweep", "run", second, "--sweep-dir", sweepDir, "--dry-run");
        var files = await CliRun.RunAsync("sweep", "run", second, "--sweep-dir", other);

        another.ExitCode.Should().Be(2);
        another.Error.Should().Contain("holds another sweep, 'first'");
        files.ExitCode.Should().Be(2);
        files.Error.Should().Contain("is not empty and holds no sweep");
        File.ReadAllText(Path.Combine(other, "notes.txt")).Should().Be("mine");
    }

    [Fact]
    public async Task Run_AFailingRun_IsReportedWithItsError_TheOthersGoOn_Exit1()
    {
        var corrupt = Path.Combine(root, "corrupt");
        Directory.CreateDirectory(corrupt);
        foreach (var name in new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" })
            File.WriteAllText(Path.Combine(corrupt, name), "not an IDX file");
        var file = TinySweep.Write(root, "fail", TinySweep.SetTable() + $"""
            [[runs]]
            "data.dataset" = "fashion-mnist"
            "data.path" = "{corrupt.Replace("\\", "/")}"
            [[runs]]
            "data.dataset" = "embedded-fashion-mnist"
            """);
        var sweepDir = Path.Combine(root, "f");

        var run = await CliRun.RunAsync("sweep", "run", file, "--sweep-dir", sweepDir);
        var status = await CliRun.RunAsync("sweep", "status", sweepDir);

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("failed   dataset=fashion-mnist").And.Contain("IDX image file").And.Contain("(exit 3;");
        run.Output.Should().Contain("finished dataset=embedded-fashion-mnist");
        run.Error.Should().Contain("1 run failed");
        status.Output.Should().MatchRegex("dataset=fashion-mnist\\S*\\s+failed\\s+error: .*IDX image file");
        status.Output.Should().Contain("2 runs: 1 completed, 1 failed");
    }
}
