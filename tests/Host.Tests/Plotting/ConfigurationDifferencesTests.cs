using Neuromorph.Engine.Training;
using Neuromorph.Host.Plotting;
using Neuromorph.Host.Tests.Plugins;

namespace Neuromorph.Host.Tests.Plotting;

public sealed class ConfigurationDifferencesTests : IDisposable
{
    private readonly TemporaryDirectory temporary = new();

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void Labels_RunsDifferingInSchemeAndSeed_NameEachRunByThoseKeysOnly()
    {
        var runs = new[]
        {
            Open(new HandWrittenRun(temporary.Folder("x"), scheme: "none", seed: 0)),
            Open(new HandWrittenRun(temporary.Folder("y"), scheme: "strong2weak", seed: 0)),
            Open(new HandWrittenRun(temporary.Folder("z"), scheme: "strong2weak", seed: 1)),
        };

        ConfigurationDifferences.Labels(runs).Should().Equal(
            "distillation.scheme = none, run.seed = 0",
            "distillation.scheme = strong2weak, run.seed = 0",
            "distillation.scheme = strong2weak, run.seed = 1");
    }

    [Fact]
    public void Labels_OptionsOnlyOneSchemeHas_AreLeftOutForTheKeyEveryRunHas()
    {
        var plain = new HandWrittenRun(temporary.Folder("plain"), scheme: "none");
        var distilled = new HandWrittenRun(temporary.Folder("distilled"), scheme: "strong2weak");
        File.AppendAllText(distilled.Directory.ConfigPath, "confidence = \"max-probability\"\ndetach_teacher = false\n");

        ConfigurationDifferences.Labels([Open(plain), Open(distilled)]).Should().Equal("distillation.scheme = none", "distillation.scheme = strong2weak");
    }

    [Fact]
    public void Labels_OnlyAnOptionSomeRunsLackDiffers_ShowsIt()
    {
        var first = new HandWrittenRun(temporary.Folder("without"));
        var second = new HandWrittenRun(temporary.Folder("with"));
        File.AppendAllText(second.Directory.ConfigPath, "temperature = 4.0\n");

        ConfigurationDifferences.Labels([Open(first), Open(second)]).Should().Equal("distillation.temperature = (absent)", "distillation.temperature = 4.0");
    }

    [Fact]
    public void Labels_SameConfiguration_NameRunsByTheirDirectories()
    {
        var runs = new[] { Open(new HandWrittenRun(temporary.Folder("first"))), Open(new HandWrittenRun(temporary.Folder("second"))) };

        ConfigurationDifferences.Labels(runs).Should().Equal("first", "second");
    }

    [Fact]
    public void Labels_OnlyTheRunNameDiffers_ShowTheRunName()
    {
        var first = new HandWrittenRun(temporary.Folder("one"));
        var second = new HandWrittenRun(temporary.Folder("two"));
        File.WriteAllText(second.Directory.ConfigPath, File.ReadAllText(second.Directory.ConfigPath).Replace("name = \"hand\"", "name = \"other\""));

        ConfigurationDifferences.Labels([Open(first), Open(second)]).Should().Equal("run.name = hand", "run.name = other");
    }

    [Fact]
    public void Labels_ManyKeysDiffer_ShowThreeAndCountTheRest()
    {
        var first = new HandWrittenRun(temporary.Folder("p"));
        var second = new HandWrittenRun(temporary.Folder("q"));
        File.AppendAllText(second.Directory.ConfigPath, "[optimizer]\nlr = 0.01\nmomentum = 0.5\n");
        File.AppendAllText(first.Directory.ConfigPath, "[optimizer]\nlr = 0.001\nmomentum = 0.9\n");
        File.WriteAllText(second.Directory.ConfigPath, File.ReadAllText(second.Directory.ConfigPath).Replace("batch_size = 64", "batch_size = 32").Replace("timesteps = 4", "timesteps = 2"));

        ConfigurationDifferences.Labels([Open(first), Open(second)]).Should().Equal(
            "data.batch_size = 64, model.timesteps = 4, optimizer.lr = 0.001 (+1 more key)",
            "data.batch_size = 32, model.timesteps = 2, optimizer.lr = 0.01 (+1 more key)");
    }

    [Fact]
    public void Labels_RunWithoutConfiguration_IsADataError()
    {
        var first = new HandWrittenRun(temporary.Folder("kept"));
        var second = new HandWrittenRun(temporary.Folder("lost"));
        File.Delete(second.Directory.ConfigPath);

        var labelling = () => ConfigurationDifferences.Labels([Open(first), Open(second)]);

        labelling.Should().Throw<RunDirectoryException>().WithMessage($"'{second.Directory.ConfigPath}' is missing*");
    }

    private static PlottedRun Open(HandWrittenRun run)
    {
        run.Train(epochs: 1);
        return PlottedRun.Open(run.Path);
    }
}
