using System.Text.Json;

namespace Neuromorph.Host.Tests.TensorBoard;

/// <summary>The values of a run's event files, by tag and step, and what its <c>metrics.jsonl</c> says they must be.</summary>
internal sealed class TensorBoardValues
{
    private TensorBoardValues(List<TensorBoardEvent> events) => Events = events;

    public List<TensorBoardEvent> Events { get; }

    /// <summary>Every value with its event's step and wall time.</summary>
    public IEnumerable<(SummaryValue Value, long Step, double WallTime)> All =>
        Events.SelectMany(e => e.Values.Select(value => (value, e.Step, e.WallTime)));

    public static TensorBoardValues Read(string runDir) => new(EventFileReader.ReadFolder(Path.Combine(runDir, "tensorboard")));

    /// <summary>The steps of <paramref name="tag"/> in file order.</summary>
    public long[] Steps(string tag) => All.Where(v => v.Value.Tag == tag).Select(v => v.Step).ToArray();

    /// <summary>The scalar of <paramref name="tag"/> at <paramref name="step"/>.</summary>
    public float Scalar(string tag, long step) =>
        All.Single(v => v.Value.Tag == tag && v.Step == step).Value.Scalar ?? throw new InvalidDataException($"'{tag}' at {step} is not a scalar.");

    /// <summary>The scalars at <paramref name="step"/> by tag, leaving out the per-iteration <c>train/</c> ones.</summary>
    public Dictionary<string, float> EpochScalarsAt(long step) =>
        All.Where(v => v.Step == step && !v.Value.Tag.StartsWith("train/", StringComparison.Ordinal) && v.Value.Scalar is not null)
            .ToDictionary(v => v.Value.Tag, v => v.Value.Scalar!.Value);

    /// <summary>Asserts that no tag has a step twice, across all the files.</summary>
    public void ShouldHaveEachStepOnce() =>
        All.GroupBy(v => (v.Value.Tag, v.Step)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Tag}@{g.Key.Step} x{g.Count()}")
            .Should().BeEmpty("every tag has each step once");

    /// <summary>The metrics lines of <paramref name="runDir"/>.</summary>
    public static JsonElement[] Metrics(string runDir) =>
        File.ReadAllLines(Path.Combine(runDir, "metrics.jsonl")).Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement).ToArray();

    /// <summary>
    /// The epoch's scalars as the README names them, from its metrics line alone (a run of the <c>strong2weak</c> scheme
    /// or of none): each figure as a 32-bit float; a count per timestep as its share of the epoch's total.
    /// </summary>
    public static Dictionary<string, float> ExpectedEpochScalars(JsonElement metrics)
    {
        var expected = new Dictionary<string, float>
        {
            ["epoch/train_loss"] = (float)metrics.GetProperty("train_loss").GetDouble(),
            ["epoch/train_accuracy"] = (float)metrics.GetProperty("train_accuracy").GetDouble(),
            ["epoch/test_accuracy"] = (float)metrics.GetProperty("test_accuracy").GetDouble(),
            ["epoch/learning_rate"] = (float)metrics.GetProperty("lr").GetDouble(),
            ["epoch/samples_per_second"] = (float)metrics.GetProperty("train_samples_per_second").GetDouble(),
            ["epoch/seconds"] = (float)metrics.GetProperty("seconds").GetDouble(),
        };
        var atK = metrics.GetProperty("test_accuracy_at_timesteps").EnumerateArray().Select(a => a.GetDouble()).ToArray();
        for (var k = 1; k <= atK.Length; k++) expected[$"test_accuracy_first_k/{k}"] = (float)atK[k - 1];
        foreach (var phase in metrics.GetProperty("phase_seconds").EnumerateObject())
            expected[$"phase_seconds/{phase.Name}"] = (float)phase.Value.GetDouble();
        foreach (var (property, prefix) in new[] { ("firing_rates", "firing_rate"), ("test_firing_rates", "test_firing_rate") })
            foreach (var layer in metrics.GetProperty(property).EnumerateObject())
                foreach (var (rate, t) in layer.Value.EnumerateArray().Select((r, t) => (r.GetDouble(), t)))
                    expected[$"{prefix}/{layer.Name}/t{t}"] = (float)rate;

        var diagnostics = metrics.GetProperty("diagnostics");
        if (diagnostics.EnumerateObject().Any())
        {
            diagnostics.EnumerateObject().Select(d => d.Name).Should().BeEquivalentTo(["distillation_loss", "confidence", "strong_counts", "weak_counts"]);
            expected["epoch/distillation_loss"] = (float)diagnostics.GetProperty("distillation_loss")[0].GetDouble();
            var confidence = diagnostics.GetProperty("confidence").EnumerateArray().Select(c => c.GetDouble()).ToArray();
            for (var t = 0; t < confidence.Length; t++) expected[$"confidence/t{t}"] = (float)confidence[t];
            foreach (var (counts, share) in new[] { ("strong_counts", "strong_share"), ("weak_counts", "weak_share") })
            {
                var chosen = diagnostics.GetProperty(counts).EnumerateArray().Select(c => c.GetDouble()).ToArray();
                for (var t = 0; t < chosen.Length; t++) expected[$"{share}/t{t}"] = (float)(chosen[t] / chosen.Sum());
            }
        }
        return expected;
    }
}
