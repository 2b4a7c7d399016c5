using Neuromorph.Host.Configuration;
using Tomlyn.Model;

namespace Neuromorph.Host.Tests.Configuration;

public sealed class EffectiveTomlTests
{
    // Every key of the specification, by table.
    private static readonly Dictionary<string, string[]> SpecifiedKeys = new()
    {
        ["run"] = ["name", "seed", "epochs", "log_every", "threads", "tensorboard"],
        ["data"] = ["dataset", "path", "batch_size", "test_batch_size", "train_limit", "test_limit", "prefetch", "workers", "image_size", "augment"],
        ["model"] = ["name", "timesteps", "channels", "hidden", "width", "norm", "tdbn_alpha"],
        ["neuron"] = ["plugin", "surrogate", "surrogate_alpha", "options"],
        ["optimizer"] = ["name", "lr", "momentum", "weight_decay", "nesterov", "schedule", "step_size", "gamma", "beta1", "beta2"],
        ["distillation"] = ["scheme"],
        ["checkpoint"] = ["keep_best", "every_minutes"],
        ["plugins"] = ["directories", "hot_reload"],
        ["adversarial_training"] = ["attack", "fraction", "orthogonality_weight", "options"],
        ["attack"] = [],
    };

    [Fact]
    public void ToToml_Defaults_WritesEveryKeyOfEveryTable()
    {
        var document = TomlText.Parse(RunConfiguration.Default.ToToml(), "effective.toml");

        document.Keys.Should().Equal(SpecifiedKeys.Keys);
        foreach (var (table, keys) in SpecifiedKeys)
            ((TomlTable)document[table]).Keys.Should().Equal(keys, because: $"[{table}] lists every key");
        ((TomlTable)document["optimizer"])["weight_decay"].Should().Be(1e-4);
        ((TomlTable)document["model"])["channels"].Should().BeEquivalentTo(new TomlArray { 32L, 64L });
        ((TomlTable)((TomlTable)document["data"])["augment"]).Keys.Should().Equal("random_crop_padding", "horizontal_flip", "cutout", "autoaugment");
    }

    [Fact]
    public void ToToml_FullExample_KeepsPluginOptionTablesAsGiven()
    {
        var configuration = ConfigurationLoader.Parse(FullExampleTests.FullExample, "full.toml", [], "/base");

        var document = TomlText.Parse(configuration.ToToml(), "effective.toml");

        var neuron = (TomlTable)document["neuron"];
        ((TomlTable)neuron["options"]).Should().BeEquivalentTo(new Dictionary<string, object> { ["tau"] = 3.5, ["reset"] = "soft" });
        ((TomlTable)document["distillation"]).Should().BeEquivalentTo(new Dictionary<string, object>
        {
            ["scheme"] = "strong-to-weak", ["variant"] = "cascade", ["temperature"] = 4.0, ["weight"] = 1L,
        });
    }

    [Fact]
    public void ToToml_ParsedAgain_GivesAnEqualConfiguration()
    {
        var original = ConfigurationLoader.Parse(
            FullExampleTests.FullExample, "full.toml", ["optimizer.lr=1e-4", "neuron.options.window=[1, 2]"], "/base");

        var text = original.ToToml();
        var reparsed = ConfigurationLoader.Parse(text, "effective.toml", [], "/elsewhere");

        reparsed.Should().BeEquivalentTo(original);
        reparsed.ToToml().Should().Be(text);
    }

    [Fact]
    public void ToToml_Defaults_RoundTrip()
    {
        var reparsed = ConfigurationLoader.Parse(RunConfiguration.Default.ToToml(), "effective.toml", []);

        reparsed.Should().BeEquivalentTo(RunConfiguration.Default);
    }
}
