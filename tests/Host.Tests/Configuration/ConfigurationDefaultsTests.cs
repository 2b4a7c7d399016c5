using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Tests.Configuration;

public sealed class ConfigurationDefaultsTests
{
    [Fact]
    public void Parse_EmptyText_FillsEveryDefaultOfTheSpecification()
    {
        var configuration = ConfigurationLoader.Parse("", "empty.toml", []);

        configuration.Run.Should().Be(new RunSection(Name: "run", Seed: 0, Epochs: 1, LogEvery: 50, Threads: 0));
        configuration.Data.Should().BeEquivalentTo(new DataSection(
            Dataset: "embedded-fashion-mnist", Path: "", BatchSize: 128, TestBatchSize: 512,
            TrainLimit: 0, TestLimit: 0, Prefetch: 4, Workers: 2, ImageSize: 64));
        configuration.Data.BindAugment().Should().Be(new AugmentSection(RandomCropPadding: 0, HorizontalFlip: false, Cutout: 0, Autoaugment: "none"));
        configuration.Model.Name.Should().Be("csnn");
        configuration.Model.Timesteps.Should().Be(4);
        configuration.Model.Channels.Should().Equal(32, 64);
        configuration.Model.Hidden.Should().Be(256);
        configuration.Neuron.Plugin.Should().Be("lif");
        configuration.Neuron.Surrogate.Should().Be("rectangular");
        configuration.Neuron.SurrogateAlpha.Should().Be(0);
        configuration.Neuron.Options.Should().BeEmpty();
        configuration.Optimizer.Should().Be(new OptimizerSection(
            Name: "sgd", Lr: 0.1, Momentum: 0.9, WeightDecay: 1e-4, Nesterov: false, Schedule: "cosine",
            StepSize: 30, Gamma: 0.1, Beta1: 0.9, Beta2: 0.999));
        configuration.Distillation.Scheme.Should().Be("none");
        configuration.Distillation.Options.Should().BeEmpty();
        configuration.Checkpoint.KeepBest.Should().BeTrue();
        configuration.Plugins.Directories.Should().BeEmpty();
    }

    [Fact]
    public void Parse_EmptyText_EqualsTheDefaultConfiguration()
    {
        ConfigurationLoader.Parse("", "empty.toml", []).Should().BeEquivalentTo(RunConfiguration.Default);
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"neuromorph-missing-{Guid.NewGuid():N}.toml");

        var load = () => ConfigurationLoader.Load(path, []);

        load.Should().Throw<ConfigurationException>().WithMessage($"config file '{path}' not found*");
    }

    [Fact]
    public void Load_RelativePluginDirectory_IsResolvedAgainstTheFilesFolder()
    {
        var folder = Directory.CreateTempSubdirectory("neuromorph-config-").FullName;
        try
        {
            var path = Path.Combine(folder, "run.toml");
            File.WriteAllText(path, "[plugins]\ndirectories = [\"extra\", \"../shared\"]\n");

            var configuration = ConfigurationLoader.Load(path, []);

            configuration.Plugins.Directories.Should().Equal(
                Path.Combine(folder, "extra"),
                Path.Combine(Path.GetDirectoryName(folder)!, "shared"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
