using Neuromorph.Data.Events;
using Neuromorph.Host.Configuration;
using Tomlyn.Model;

namespace Neuromorph.Host.Tests.Configuration;

public sealed class EventsConfigurationTests
{
    [Fact]
    public void Parse_EventDatasetWithEventsTable_BindsIt()
    {
        var text = "[data]\ndataset = \"dvs-gesture\"\n\n[data.events]\nframes_split = \"time\"\nsize = 32\nsplit_seed = 3\n";

        var configuration = ConfigurationLoader.Parse(text, "run.toml", [], "/base");

        configuration.Data.Dataset.Should().Be("dvs-gesture");
        EventsSection.Bind(configuration.Data.Events).Should().Be(new EventsSection(FrameSplit.Time, 32, "", 3));
    }

    [Fact]
    public void Parse_EventDatasetWithoutEventsTable_UsesTheDatasetsDefaults()
    {
        var configuration = ConfigurationLoader.Parse("", "run.toml", ["data.dataset=cifar10-dvs"]);

        var events = EventsSection.Bind(configuration.Data.Events);

        events.Should().Be(new EventsSection());
        events.FrameSize(EventDatasetCatalog.Find("cifar10-dvs")!).Should().Be(48);
        events.FrameSize(EventDatasetCatalog.Find("nmnist")!).Should().Be(32);
    }

    [Fact]
    public void Parse_RelativeCacheDir_IsResolvedAgainstTheConfigFolder()
    {
        var configuration = ConfigurationLoader.Parse(
            "[data]\ndataset = \"nmnist\"\n[data.events]\ncache_dir = \"frames\"\n", "run.toml", [], "/base/configs");

        ((TomlTable)configuration.Data.Events!)["cache_dir"].Should().Be(Path.GetFullPath("/base/configs/frames"));
    }

    [Theory]
    [InlineData("data.events.size=36", "data.events.size = 36 is out of range: it must be 0 (the dataset's default, 32) or an integer from 4 to N-MNIST's sensor size 34*")]
    [InlineData("data.events.size=34", "data.events.size = 34 gives 34x34 frames, but model \"csnn\" needs a size divisible by 4 (it pools twice by 2): use e.g. data.events.size = 32.")]
    [InlineData("data.events.size=3", "data.events.size = 3 is out of range*")]
    [InlineData("data.events.frames_split=\"count\"", "data.events.frames_split = \"count\" is not valid: expected one of the strings \"number\", \"time\".")]
    [InlineData("data.events.framesplit=\"time\"", "Unknown key 'data.events.framesplit'. Did you mean 'data.events.frames_split'?")]
    [InlineData("adversarial_training.attack=fgsm", "adversarial_training.attack = \"fgsm\" cannot be used with the event dataset \"nmnist\": attacks perturb images*")]
    public void Parse_BadEventSetting_IsRejectedNamingTheKey(string set, string expected)
    {
        var parse = () => ConfigurationLoader.Parse("", "run.toml", ["data.dataset=nmnist", set]);

        parse.Should().Throw<ConfigurationException>().WithMessage($"run.toml: {expected}");
    }

    [Fact]
    public void Parse_EventsTableWithAnImageDataset_IsRejected()
    {
        var parse = () => ConfigurationLoader.Parse("", "run.toml", ["data.dataset=fashion-mnist", "data.events.size=32"]);

        parse.Should().Throw<ConfigurationException>().WithMessage(
            "run.toml: [data.events] applies only to event datasets (\"nmnist\", *), but data.dataset = \"fashion-mnist\"; remove the table or pick an event dataset.");
    }

    [Theory]
    [InlineData("dvs-gesture.toml", "dvs-gesture", 16, "number", 48)]
    [InlineData("nmnist.toml", "nmnist", 8, "time", 32)]
    [InlineData("saccade-fashion-mnist-vgg9.toml", "saccade-fashion-mnist", 5, "number", 32)]
    public void ConfigFile_ParsesAndValidates(string file, string dataset, int timesteps, string split, int size)
    {
        var configuration = ConfigurationLoader.Load(Cli.RepositoryPaths.Config(file), []);

        configuration.Data.Dataset.Should().Be(dataset);
        configuration.Model.Timesteps.Should().Be(timesteps);
        var events = EventsSection.Bind(configuration.Data.Events);
        events.FramesSplit.ToString().ToLowerInvariant().Should().Be(split);
        events.FrameSize(EventDatasetCatalog.Find(dataset)!).Should().Be(size);
    }
}
