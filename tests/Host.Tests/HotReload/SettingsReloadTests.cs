using System.Text.Json;
using Neuromorph.Host.Tests.Cli;

namespace Neuromorph.Host.Tests.HotReload;

/// <summary>
/// Hyperparameters edited in the run's <c>config.toml</c> mid-run: the learning rate and the scheme's temperature
/// apply from the next iteration, a change to the model is refused, and all three are recorded.
/// </summary>
public sealed class SettingsReloadTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-settings-reload-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Train_ConfigEditedMidRun_AppliesReloadableKeysAndRefusesTheRest()
    {
        const int changeAfter = 10;
        var runDir = Path.Combine(root, "run");
        var configPath = Path.Combine(runDir, "config.toml");
        var script = new ScriptedRun();
        object? schemeBefore = null, schemeAfter = null;
        script.After(changeAfter + 1, experiment => schemeAfter = experiment.Slots.Scheme);
        script.After(changeAfter, experiment =>
        {
            schemeBefore = experiment.Slots.Scheme;
            var text = File.ReadAllText(configPath);
            text = Replace(text, "lr = 0.003", "lr = 0.0015");
            text = Replace(text, "temperature = 2.0", "temperature = 4.0");
            text = Replace(text, "hidden = 32", "hidden = 64");
            File.WriteAllText(configPath, text);
            script.WaitForChange();
        });

        var code = await script.RunAsync(RepositoryPaths.Config("quickstart.toml"), runDir,
            [.. ScriptedRun.TinyEpoch, "plugins.hot_reload=true", "distillation.scheme=\"strong2weak\""]);

        code.Should().Be(0, script.Output);
        var metrics = JsonDocument.Parse(File.ReadAllLines(Path.Combine(runDir, "metrics.jsonl"))[0]).RootElement;
        var records = metrics.GetProperty("plugin_reloads").EnumerateArray()
            .ToDictionary(r => r.GetProperty("plugin").GetString()!, r => r);
        records.Keys.Should().BeEquivalentTo("optimizer.lr", "distillation.temperature", "model.hidden");
        foreach (var record in records.Values)
        {
            record.GetProperty("iteration").GetInt64().Should().Be(changeAfter);
            record.GetProperty("kind").GetString().Should().Be("setting");
        }
        records["optimizer.lr"].GetProperty("outcome").GetString().Should().Be("applied");
        records["distillation.temperature"].GetProperty("outcome").GetString().Should().Be("applied");
        records["distillation.temperature"].GetProperty("new").GetString().Should().Be("4.0");
        records["model.hidden"].GetProperty("outcome").GetString().Should().Be("refused");
        records["model.hidden"].GetProperty("reason").GetString().Should().Contain("continues with 32");

        // Cosine over the 40 iterations of the epoch: iteration n runs at base · ½(1 + cos(π (n − 1) / 40)).
        static double Cosine(double baseRate, int iteration) => baseRate * 0.5 * (1 + Math.Cos(Math.PI * (iteration - 1) / 40));
        script.LearningRates[changeAfter].Should().BeApproximately(Cosine(0.003, changeAfter), 1e-12);
        script.LearningRates[changeAfter + 1].Should().BeApproximately(Cosine(0.0015, changeAfter + 1), 1e-12);
        script.LearningRates[40].Should().BeApproximately(Cosine(0.0015, 40), 1e-12);
        schemeAfter.Should().NotBeNull().And.NotBeSameAs(schemeBefore, "new options make a new scheme instance");
        script.Output.Should().Contain("setting distillation.temperature 2.0 -> 4.0: applied")
            .And.Contain("setting model.hidden 32 -> 64: refused");
    }

    private static string Replace(string text, string from, string to)
    {
        text.Should().Contain(from, "the effective configuration holds the value the test changes");
        return text.Replace(from, to, StringComparison.Ordinal);
    }
}
