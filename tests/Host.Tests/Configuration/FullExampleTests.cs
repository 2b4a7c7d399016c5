using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Tests.Configuration;

public sealed class FullExampleTests
{
    internal const string FullExample = """
        [run]
        name = "full-example"
        seed = 42
        epochs = 7
        log_every = 10
        threads = 2

        [data]
        dataset = "mnist"
        path = "datasets/mnist"
        batch_size = 32
        test_batch_size = 256
        train_limit = 1000
        test_limit = 200
        prefetch = 2

        [model]
        name = "csnn"
        timesteps = 6
        channels = [8, 16]
        hidden = 64

        [neuron]
        plugin = "plif"
        surrogate = "atan"
        surrogate_alpha = 2

        [neuron.options]
        tau = 3.5
        reset = "soft"

        [optimizer]
        name = "adam"
        lr = 0.002
        momentum = 0.5
        weight_decay = 0
        nesterov = true
        schedule = "step"
        step_size = 3
        gamma = 0.5
        beta1 = 0.8
        beta2 = 0.99

        [distillation]
        scheme = "strong-to-weak"
        variant = "cascade"
        temperature = 4.0
        weight = 1

        [checkpoint]
        keep_best = false

        [plugins]
        directories = ["plugins"]
        """;

    [Fact]
    public void Parse_FullExample_ReadsEveryKey()
    {
        var configuration = ConfigurationLoader.Parse(FullExample, "full.toml", [], baseDirectory: "/base");

        configuration.Run.Should().Be(new RunSection("full-example", 42, 7, 10, 2));
        configuration.Data.Should().BeEquivalentTo(new DataSection("mnist", Path.GetFullPath("datasets/mnist", "/base"), 32, 256, 1000, 200, 2));
        configuration.Model.Timesteps.Should().Be(6);
        configuration.Model.Channels.Should().Equal(8, 16);
        configuration.Model.Hidden.Should().Be(64);
        configuration.Neuron.Plugin.Should().Be("plif");
        configuration.Neuron.Surrogate.Should().Be("atan");
        configuration.Neuron.SurrogateAlpha.Should().Be(2.0);
        configuration.Neuron.Options.Should().BeEquivalentTo(new Dictionary<string, object> { ["tau"] = 3.5, ["reset"] = "soft" });
        configuration.Optimizer.Should().Be(new OptimizerSection("adam", 0.002, 0.5, 0.0, true, "step", 3, 0.5, 0.8, 0.99));
        configuration.Distillation.Scheme.Should().Be("strong-to-weak");
        configuration.Distillation.Options.Should().BeEquivalentTo(
            new Dictionary<string, object> { ["variant"] = "cascade", ["temperature"] = 4.0, ["weight"] = 1L });
        configuration.Checkpoint.KeepBest.Should().BeFalse();
        configuration.Plugins.Directories.Should().Equal(Path.GetFullPath("plugins", "/base"));
    }
}
