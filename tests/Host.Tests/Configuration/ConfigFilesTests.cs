using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Tests.Configuration;

public sealed class ConfigFilesTests
{
    [Fact]
    public void Quickstart_ParsesAndValidates()
    {
        var configuration = ConfigurationLoader.Load(ConfigFile("quickstart.toml"), []);

        configuration.Run.Name.Should().Be("quickstart");
        configuration.Data.Dataset.Should().Be("embedded-fashion-mnist");
        configuration.Model.Name.Should().Be("csnn");
        configuration.Model.Timesteps.Should().Be(4);
        configuration.Neuron.Plugin.Should().Be("lif");
    }

    [Fact]
    public void FashionMnist_ParsesAndValidates()
    {
        var configuration = ConfigurationLoader.Load(ConfigFile("fashion-mnist.toml"), []);

        configuration.Run.Should().Be(new RunSection("fashion-mnist", 0, 10, 100, 0));
        configuration.Data.Dataset.Should().Be("fashion-mnist");
        configuration.Data.BatchSize.Should().Be(64);
        configuration.Model.Channels.Should().Equal(32, 64);
        configuration.Model.Hidden.Should().Be(256);
        configuration.Model.Timesteps.Should().Be(4);
        configuration.Neuron.Plugin.Should().Be("lif");
        configuration.Optimizer.Should().Be(new OptimizerSection("adam", 0.001, 0.9, 0.0, false, "cosine"));
    }

    [Fact]
    public void Cifar10_ParsesAndValidates()
    {
        var configuration = ConfigurationLoader.Load(ConfigFile("cifar10.toml"), []);

        configuration.Data.Dataset.Should().Be("cifar10");
        configuration.Data.Workers.Should().Be(2);
        configuration.Data.BindAugment().Should().Be(new AugmentSection(4, true, 16, "cifar10"));
        configuration.Optimizer.Name.Should().Be("sgd");
    }

    private static string ConfigFile(string name)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Neuromorph.sln")))
            folder = folder.Parent;
        folder.Should().NotBeNull("the tests run inside the repository");
        return Path.Combine(folder!.FullName, "config", name);
    }
}
