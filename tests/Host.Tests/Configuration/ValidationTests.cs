using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Tests.Configuration;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("model.timesteps=0", "model.timesteps = 0 is out of range: it must be an integer in [1, 65536].")]
    [InlineData("data.batch_size=0", "data.batch_size = 0 is out of range: it must be an integer in [1, 1048576].")]
    [InlineData("data.test_batch_size=-2", "data.test_batch_size = -2 is out of range: it must be an integer in [1, 1048576].")]
    [InlineData("run.epochs=0", "run.epochs = 0 is out of range: it must be an integer >= 1.")]
    [InlineData("run.log_every=0", "run.log_every = 0 is out of range: it must be an integer >= 1.")]
    [InlineData("optimizer.lr=0", "optimizer.lr = 0 is out of range: it must be a finite number > 0.")]
    [InlineData("optimizer.lr=-0.5", "optimizer.lr = -0.5 is out of range: it must be a finite number > 0.")]
    [InlineData("optimizer.lr=nan", "optimizer.lr = NaN is out of range: it must be a finite number > 0.")]
    [InlineData("optimizer.momentum=1", "optimizer.momentum = 1 is out of range: it must be a number in [0, 1).")]
    [InlineData("optimizer.momentum=-0.1", "optimizer.momentum = -0.1 is out of range: it must be a number in [0, 1).")]
    [InlineData("optimizer.beta2=1.5", "optimizer.beta2 = 1.5 is out of range: it must be a number in [0, 1).")]
    [InlineData("optimizer.weight_decay=-0.001", "optimizer.weight_decay = -0.001 is out of range: it must be a finite number >= 0.")]
    [InlineData("optimizer.step_size=0", "optimizer.step_size = 0 is out of range: it must be an integer >= 1.")]
    [InlineData("optimizer.gamma=0", "optimizer.gamma = 0 is out of range: it must be a finite number > 0.")]
    [InlineData("model.hidden=0", "model.hidden = 0 is out of range: it must be an integer in [1, 1048576].")]
    [InlineData("data.train_limit=-1", "data.train_limit = -1 is out of range: it must be an integer >= 0 (0 uses all samples).")]
    [InlineData("data.test_limit=-5", "data.test_limit = -5 is out of range: it must be an integer >= 0 (0 uses all samples).")]
    [InlineData("data.prefetch=0", "data.prefetch = 0 is out of range: it must be an integer in [1, 1024] (batches prepared ahead of training: more only holds more memory).")]
    [InlineData("neuron.surrogate_alpha=-1", "neuron.surrogate_alpha = -1 is out of range: it must be a finite number >= 0 (0 uses the surrogate's default).")]
    [InlineData("model.channels=[32]", "model.channels = [32] is not valid: it must be exactly 2 integers in [1, 1048576], e.g. [32, 64].")]
    [InlineData("model.channels=[32, 0]", "model.channels = [32, 0] is not valid: it must be exactly 2 integers in [1, 1048576], e.g. [32, 64].")]
    [InlineData("model.channels=[8, 16, 32]", "model.channels = [8, 16, 32] is not valid: it must be exactly 2 integers in [1, 1048576], e.g. [32, 64].")]
    [InlineData("model.name=resnet", "model.name = \"resnet\" is not known: did you mean \"resnet19\"? Valid values are \"csnn\", \"vgg9\", \"vgg11\", \"vggsnn\", \"ms-resnet18\", \"resnet19\", \"sew-resnet34\", \"spiking-resnet18\".")]
    [InlineData("data.dataset=cifar-10", "data.dataset = \"cifar-10\" is not known: valid values are \"fashion-mnist\", \"mnist\", \"embedded-fashion-mnist\", \"cifar10\", \"cifar100\", \"cifar100-coarse\", \"image-folder\", \"nmnist\", \"saccade-fashion-mnist\", \"saccade-mnist\", \"dvs-gesture\", \"cifar10-dvs\".")]
    [InlineData("data.image_size=30", "data.image_size = 30 is out of range: it must be a multiple of 4 in [4, 4096] (image-folder images are resized to it; csnn halves it twice).")]
    [InlineData("data.image_size=0", "data.image_size = 0 is out of range: it must be a multiple of 4 in [4, 4096] (image-folder images are resized to it; csnn halves it twice).")]
    [InlineData("data.augment.random_crop_padding=-1", "data.augment.random_crop_padding = -1 is out of range: it must be an integer >= 0 (0 turns it off).")]
    [InlineData("data.augment.cutout=-16", "data.augment.cutout = -16 is out of range: it must be an integer >= 0 (the square's side; 0 turns it off).")]
    [InlineData("data.augment.autoaugment=imagenet", "data.augment.autoaugment = \"imagenet\" is not known: valid values are \"none\", \"cifar10\".")]
    [InlineData("data.dataset=\"image-folder\"", "data.dataset = \"image-folder\" needs data.path: the folder that holds train/<class>/ and val/<class>/ folders of .jpg or .png images.")]
    [InlineData("optimizer.name=rmsprop", "optimizer.name = \"rmsprop\" is not known: valid values are \"sgd\", \"adam\".")]
    [InlineData("optimizer.schedule=linear", "optimizer.schedule = \"linear\" is not known: valid values are \"cosine\", \"step\", \"constant\".")]
    [InlineData("neuron.surrogate=relu", "neuron.surrogate = \"relu\" is not known: valid values are \"rectangular\", \"atan\", \"sigmoid\", \"triangle\", \"fast-sigmoid\".")]
    [InlineData("run.name=a/b", "run.name = \"a/b\" is not valid: use letters, digits, '-', '_' and '.' (it names the run directory).")]
    public void Parse_ValueOutOfRange_IsRejectedNamingTheKeyAndRange(string set, string expected)
    {
        var parse = () => ConfigurationLoader.Parse("", "run.toml", [set]);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().Be($"run.toml: {expected}");
    }

    /// <summary>Values beyond what can work, with the message each must give (thread limits: 4 per processor here).</summary>
    public static TheoryData<string, string> ValuesBeyondTheirLimits()
    {
        var processors = Environment.ProcessorCount;
        var threads = $"at most 4 per processor, and this machine has {processors}";
        return new TheoryData<string, string>
        {
            { "run.threads=100000", $"run.threads = 100000 is out of range: it must be an integer in [0, {4 * processors}] ({threads}; 0 keeps TorchSharp's default, one per processor)." },
            { "run.threads=-1", $"run.threads = -1 is out of range: it must be an integer in [0, {4 * processors}] ({threads}; 0 keeps TorchSharp's default, one per processor)." },
            { "data.workers=100000", $"data.workers = 100000 is out of range: it must be an integer in [1, {4 * processors}] ({threads})." },
            { "data.workers=0", $"data.workers = 0 is out of range: it must be an integer in [1, {4 * processors}] ({threads})." },
            { "data.prefetch=2147483647", "data.prefetch = 2147483647 is out of range: it must be an integer in [1, 1024] (batches prepared ahead of training: more only holds more memory)." },
            { "data.batch_size=2000000000", "data.batch_size = 2000000000 is out of range: it must be an integer in [1, 1048576]." },
            { "data.test_batch_size=1048577", "data.test_batch_size = 1048577 is out of range: it must be an integer in [1, 1048576]." },
            { "model.timesteps=100000", "model.timesteps = 100000 is out of range: it must be an integer in [1, 65536]." },
            { "model.hidden=2000000000", "model.hidden = 2000000000 is out of range: it must be an integer in [1, 1048576]." },
            { "model.channels=[100000, 2000000]", "model.channels = [100000, 2000000] is not valid: it must be exactly 2 integers in [1, 1048576], e.g. [32, 64]." },
            { "data.image_size=65536", "data.image_size = 65536 is out of range: it must be a multiple of 4 in [4, 4096] (image-folder images are resized to it; csnn halves it twice)." },
        };
    }

    [Theory]
    [MemberData(nameof(ValuesBeyondTheirLimits))]
    public void Parse_ValueBeyondItsLimit_IsRejectedNamingTheKeyAndRange(string set, string expected)
    {
        var parse = () => ConfigurationLoader.Parse("", "run.toml", [set]);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().Be($"run.toml: {expected}");
    }

    [Fact]
    public void Parse_WidthBeyondItsLimit_IsRejectedWithTheRangeAndWhatZeroMeans()
    {
        var parse = () => ConfigurationLoader.Parse("", "run.toml", ["model.name=\"vgg9\"", "model.width=1048577"]);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().Be(
            "run.toml: model.width = 1048577 is out of range: it must be an integer in [0, 1048576] "
            + "(the base width of the VGG and ResNet models; 0 uses the model's published width).");
    }

    [Fact]
    public void Parse_LimitsThemselves_AreAccepted()
    {
        string[] sets =
        [
            $"run.threads={4 * Environment.ProcessorCount}", $"data.workers={4 * Environment.ProcessorCount}", "data.prefetch=1024",
            "data.batch_size=1048576", "data.test_batch_size=1048576", "model.timesteps=65536", "model.hidden=1048576",
            "model.channels=[1048576, 1048576]", "data.image_size=4096",
        ];

        var configuration = ConfigurationLoader.Parse("", "run.toml", sets);

        (configuration.Data.BatchSize, configuration.Model.Timesteps, configuration.Model.Hidden).Should().Be((1048576, 65536, 1048576));
    }

    [Fact]
    public void Parse_SeveralBadValues_ReportsThemAll()
    {
        var text = "[model]\ntimesteps = 0\nhidden = 0\n\n[optimizer]\nlr = 0.0\n";

        var parse = () => ConfigurationLoader.Parse(text, "run.toml", []);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().Be(
            "run.toml: 3 invalid values:\n"
            + "  - model.timesteps = 0 is out of range: it must be an integer in [1, 65536].\n"
            + "  - model.hidden = 0 is out of range: it must be an integer in [1, 1048576].\n"
            + "  - optimizer.lr = 0 is out of range: it must be a finite number > 0.");
    }

    [Fact]
    public void Parse_BoundaryValues_AreAccepted()
    {
        string[] sets =
        [
            "model.timesteps=1", "data.batch_size=1", "optimizer.momentum=0", "optimizer.weight_decay=0",
            "data.train_limit=0", "run.threads=0", "optimizer.lr=1e-9", "optimizer.beta1=0.999999",
        ];

        var configuration = ConfigurationLoader.Parse("", "run.toml", sets);

        configuration.Model.Timesteps.Should().Be(1);
        configuration.Optimizer.Lr.Should().Be(1e-9);
    }

    [Fact]
    public void Parse_UnknownAugmentationKey_NamesItAndTheNearestKey()
    {
        var parse = () => ConfigurationLoader.Parse("[data.augment]\nhorizontal_flips = true\n", "run.toml", []);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should()
            .Be("run.toml: Unknown key 'data.augment.horizontal_flips'. Did you mean 'data.augment.horizontal_flip'?");
    }

    [Fact]
    public void Parse_AugmentationOfTheWrongType_IsAUsageError()
    {
        var parse = () => ConfigurationLoader.Parse("[data.augment]\ncutout = \"big\"\n", "run.toml", []);

        parse.Should().Throw<ConfigurationException>().WithMessage("run.toml: *data.augment.cutout*");
    }

    [Fact]
    public void Parse_StaticImageKeys_AreReadIntoTheDataSection()
    {
        var text = "[data]\ndataset = \"cifar10\"\nworkers = 3\nimage_size = 32\n\n"
            + "[data.augment]\nrandom_crop_padding = 4\nhorizontal_flip = true\ncutout = 16\nautoaugment = \"cifar10\"\n";

        var data = ConfigurationLoader.Parse(text, "run.toml", []).Data;

        (data.Dataset, data.Workers, data.ImageSize).Should().Be(("cifar10", 3, 32));
        data.BindAugment().Should().Be(new AugmentSection(4, true, 16, "cifar10"));
        var settings = data.BindAugment().ToSettings();
        settings.Should().Be(new Data.Augmentation.AugmentationSettings(4, true, 16, Data.Augmentation.AutoAugmentPolicy.Cifar10));
    }

    [Fact]
    public void Parse_AugmentationWithAnEventDataset_IsRejectedNamingTheKeysThatAreOn()
    {
        var text = "[data]\ndataset = \"nmnist\"\n\n[data.augment]\nhorizontal_flip = true\ncutout = 8\nrandom_crop_padding = 0\n";

        var parse = () => ConfigurationLoader.Parse(text, "run.toml", []);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().Be(
            "run.toml: [data.augment] sets horizontal_flip = true, cutout = 8, but data.dataset = \"nmnist\" is an event dataset: "
            + "augmentation transforms static images, not event frames. Remove [data.augment] or pick an image dataset.");
    }

    [Fact]
    public void Parse_AugmentationTableLeftAtItsDefaultsWithAnEventDataset_IsAccepted()
    {
        // The effective configuration of an event run lists [data.augment] so; eval and --resume parse it again.
        var text = "[data]\ndataset = \"dvs-gesture\"\n\n[data.augment]\nrandom_crop_padding = 0\nhorizontal_flip = false\n"
            + "cutout = 0\nautoaugment = \"none\"\n";

        var data = ConfigurationLoader.Parse(text, "run.toml", []).Data;

        data.BindAugment().ToSettings().IsActive.Should().BeFalse();
    }

    [Fact]
    public void Parse_PartialAugmentationTable_FillsTheOtherKeysWithTheirDefaults()
    {
        var data = ConfigurationLoader.Parse("", "run.toml", ["data.augment.horizontal_flip=true"]).Data;

        data.Augment.Should().BeEquivalentTo(new Dictionary<string, object>
        {
            ["random_crop_padding"] = 0L, ["horizontal_flip"] = true, ["cutout"] = 0L, ["autoaugment"] = "none",
        });
        data.BindAugment().ToSettings().IsActive.Should().BeTrue();
        ConfigurationLoader.Parse("", "run.toml", []).Data.BindAugment().ToSettings().IsActive.Should().BeFalse();
    }
}
