using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Tests.Configuration;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("model.timesteps=0", "model.timesteps = 0 is out of range: it must be an integer >= 1.")]
    [InlineData("data.batch_size=0", "data.batch_size = 0 is out of range: it must be an integer >= 1.")]
    [InlineData("data.test_batch_size=-2", "data.test_batch_size = -2 is out of range: it must be an integer >= 1.")]
    [InlineData("run.epochs=0", "run.epochs = 0 is out of range: it must be an integer >= 1.")]
    [InlineData("run.log_every=0", "run.log_every = 0 is out of range: it must be an integer >= 1.")]
    [InlineData("run.threads=-1", "run.threads = -1 is out of range: it must be an integer >= 0.")]
    [InlineData("optimizer.lr=0", "optimizer.lr = 0 is out of range: it must be a finite number > 0.")]
    [InlineData("optimizer.lr=-0.5", "optimizer.lr = -0.5 is out of range: it must be a finite number > 0.")]
    [InlineData("optimizer.lr=nan", "optimizer.lr = NaN is out of range: it must be a finite number > 0.")]
    [InlineData("optimizer.momentum=1", "optimizer.momentum = 1 is out of range: it must be a number in [0, 1).")]
    [InlineData("optimizer.momentum=-0.1", "optimizer.momentum = -0.1 is out of range: it must be a number in [0, 1).")]
    [InlineData("optimizer.beta2=1.5", "optimizer.beta2 = 1.5 is out of range: it must be a number in [0, 1).")]
    [InlineData("optimizer.weight_decay=-0.001", "optimizer.weight_decay = -0.001 is out of range: it must be a finite number >= 0.")]
    [InlineData("optimizer.step_size=0", "optimizer.step_size = 0 is out of range: it must be an integer >= 1.")]
    [InlineData("optimizer.gamma=0", "optimizer.gamma = 0 is out of range: it must be a finite number > 0.")]
    [InlineData("model.hidden=0", "model.hidden = 0 is out of range: it must be an integer >= 1.")]
    [InlineData("data.train_limit=-1", "data.train_limit = -1 is out of range: it must be an integer >= 0 (0 uses all samples).")]
    [InlineData("data.test_limit=-5", "data.test_limit = -5 is out of range: it must be an integer >= 0 (0 uses all samples).")]
    [InlineData("data.prefetch=0", "data.prefetch = 0 is out of range: it must be an integer >= 1.")]
    [InlineData("neuron.surrogate_alpha=-1", "neuron.surrogate_alpha = -1 is out of range: it must be a finite number >= 0 (0 uses the surrogate's default).")]
    [InlineData("model.channels=[32]", "model.channels = [32] is not valid: it must be exactly 2 positive integers, e.g. [32, 64].")]
    [InlineData("model.channels=[32, 0]", "model.channels = [32, 0] is not valid: it must be exactly 2 positive integers, e.g. [32, 64].")]
    [InlineData("model.channels=[8, 16, 32]", "model.channels = [8, 16, 32] is not valid: it must be exactly 2 positive integers, e.g. [32, 64].")]
    [InlineData("model.name=resnet", "model.name = \"resnet\" is not known: valid values are \"csnn\".")]
    [InlineData("data.dataset=cifar10", "data.dataset = \"cifar10\" is not known: valid values are \"embedded-fashion-mnist\", \"fashion-mnist\", \"mnist\", \"nmnist\", \"saccade-fashion-mnist\", \"saccade-mnist\", \"dvs-gesture\", \"cifar10-dvs\".")]
    [InlineData("optimizer.name=rmsprop", "optimizer.name = \"rmsprop\" is not known: valid values are \"sgd\", \"adam\".")]
    [InlineData("optimizer.schedule=linear", "optimizer.schedule = \"linear\" is not known: valid values are \"cosine\", \"step\", \"constant\".")]
    [InlineData("neuron.surrogate=relu", "neuron.surrogate = \"relu\" is not known: valid values are \"rectangular\", \"atan\", \"sigmoid\", \"triangle\", \"fast-sigmoid\".")]
    [InlineData("run.name=a/b", "run.name = \"a/b\" is not valid: use letters, digits, '-', '_' and '.' (it names the run directory).")]
    public void Parse_ValueOutOfRange_IsRejectedNamingTheKeyAndRange(string set, string expected)
    {
        var parse = () => ConfigurationLoader.Parse("", "run.toml", [set]);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().Be($"run.toml: {expected}");
    }

    [Fact]
    public void Parse_SeveralBadValues_ReportsThemAll()
    {
        var text = "[model]\ntimesteps = 0\nhidden = 0\n\n[optimizer]\nlr = 0.0\n";

        var parse = () => ConfigurationLoader.Parse(text, "run.toml", []);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().Be(
            "run.toml: 3 invalid values:\n"
            + "  - model.timesteps = 0 is out of range: it must be an integer >= 1.\n"
            + "  - model.hidden = 0 is out of range: it must be an integer >= 1.\n"
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
}
