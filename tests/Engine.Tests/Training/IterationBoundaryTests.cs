using System.Text.Json;
using Neuromorph.Engine.Training;

namespace Neuromorph.Engine.Tests.Training;

/// <summary>
/// The loop's swap point (<see cref="IIterationBoundary"/>): called once after every iteration, after the observers,
/// and what it reports lands on the epoch's metrics line, across an interruption too.
/// </summary>
public sealed class IterationBoundaryTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-boundary-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Run_WithBoundary_CallsItAfterEachIterationsObserversAndRecordsItsReloadsOnTheEpochLine()
    {
        var boundary = new ScriptedBoundary(3, 14);
        using var harness = new TrainingHarness(Path.Combine(root, "run"), epochs: 2, boundary: boundary);
        boundary.Recorder = harness.Recorder;

        harness.Loop.Run(CancellationToken.None).Should().Be(TrainingOutcome.Completed);

        // 160 samples in batches of 16: 10 iterations per epoch.
        boundary.Calls.Should().Equal(Enumerable.Range(1, 20).Select(i => (long)i));
        boundary.ObserversDone.Should().OnlyContain(done => done, "the observers see an iteration before the boundary");
        var metrics = harness.RunDirectory.ReadMetrics();
        metrics[0].PluginReloads.Should().Equal(ScriptedBoundary.RecordAt(3));
        metrics[1].PluginReloads.Should().Equal(ScriptedBoundary.RecordAt(14));
    }

    [Fact]
    public void Resume_AfterInterruptionMidEpoch_KeepsTheReloadsOfThePartialEpoch()
    {
        var path = Path.Combine(root, "resumed");
        using (var first = new TrainingHarness(path, epochs: 2, boundary: new ScriptedBoundary(12)))
        {
            first.Recorder.StopAfterIteration = 13;
            first.Loop.Run(first.Recorder.Stop.Token).Should().Be(TrainingOutcome.Interrupted);
        }
        using var second = new TrainingHarness(path, epochs: 2, boundary: new ScriptedBoundary());
        second.Loop.Resume();
        second.Loop.Run(CancellationToken.None).Should().Be(TrainingOutcome.Completed);

        var metrics = second.RunDirectory.ReadMetrics();
        metrics[0].PluginReloads.Should().BeEmpty();
        metrics[1].PluginReloads.Should().Equal(ScriptedBoundary.RecordAt(12));
    }

    [Fact]
    public void ReadMetrics_LineWrittenBeforePluginReloadsExisted_ReadsThemAsEmpty()
    {
        var runDirectory = new RunDirectory(Path.Combine(root, "old"));
        Directory.CreateDirectory(runDirectory.Path);
        File.WriteAllText(runDirectory.MetricsPath,
            """{"epoch":1,"train_loss":1.5,"train_accuracy":0.4,"test_accuracy":0.5,"test_accuracy_at_timesteps":[0.5],"lr":0.1,"seconds":2,"train_samples_per_second":100,"diagnostics":{}}""" + "\n");

        var metrics = runDirectory.ReadMetrics();

        metrics.Should().ContainSingle().Which.PluginReloads.Should().BeEmpty();
    }

    [Fact]
    public void AppendMetrics_PluginReload_IsWrittenInSnakeCase()
    {
        var runDirectory = new RunDirectory(Path.Combine(root, "written"));
        Directory.CreateDirectory(runDirectory.Path);
        var metrics = new EpochMetrics(1, 1, 0.5, 0.5, [0.5], 0.1, 1, 10, new Dictionary<string, double[]>())
        {
            PluginReloads = [ScriptedBoundary.RecordAt(7) with { Outcome = PluginReload.Refused, Reason = "broken" }],
        };

        runDirectory.AppendMetrics(metrics);

        var reload = JsonDocument.Parse(File.ReadAllText(runDirectory.MetricsPath)).RootElement.GetProperty("plugin_reloads")[0];
        reload.GetProperty("iteration").GetInt64().Should().Be(7);
        reload.GetProperty("plugin").GetString().Should().Be("scripted");
        reload.GetProperty("kind").GetString().Should().Be("distillation scheme");
        reload.GetProperty("old").GetString().Should().Be("1.0 (sha256 00000000)");
        reload.GetProperty("new").GetString().Should().Be("1.1 (sha256 11111111)");
        reload.GetProperty("outcome").GetString().Should().Be("refused");
        reload.GetProperty("reason").GetString().Should().Be("broken");
    }

    /// <summary>Reports a made-up swap at the given global iterations and notes every call.</summary>
    private sealed class ScriptedBoundary(params long[] reloadAt) : IIterationBoundary
    {
        public IterationRecorder? Recorder { get; set; }

        public List<long> Calls { get; } = [];

        public List<bool> ObserversDone { get; } = [];

        public static PluginReload RecordAt(long iteration) => new(
            iteration, "scripted", "distillation scheme", "1.0 (sha256 00000000)", "1.1 (sha256 11111111)",
            PluginReload.Applied, null, "/plugins/Scripted.dll");

        public IReadOnlyList<PluginReload> Apply(SimulationClock clock)
        {
            Calls.Add(clock.GlobalIteration);
            if (Recorder is not null) ObserversDone.Add(Recorder.Losses.Count == clock.GlobalIteration);
            return reloadAt.Contains(clock.GlobalIteration) ? [RecordAt(clock.GlobalIteration)] : [];
        }
    }
}
