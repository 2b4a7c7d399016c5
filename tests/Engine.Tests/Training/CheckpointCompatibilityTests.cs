using Neuromorph.Engine.Tests.Network;
using Neuromorph.Engine.Training;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Training;

public sealed class CheckpointCompatibilityTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "neuromorph-ckpt-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Read_NeuronParameters_RoundTripWithTheWeights()
    {
        var neuron = new LearnableNeuron(LearnableNeuron.ScalarTau(3), LearnableNeuron.PerChannelThreshold(0.75));
        using var network = ParameterizedNetworks.Csnn(neuron);
        using var optimizer = OptimizerFactory.Create(new OptimizerSettings("adam", 0.05, WeightDecay: 0), network.parameters());
        ParameterizedNetworks.TrainStep(network, optimizer);
        var path = Path.Combine(root, "round-trip.ckpt");
        CheckpointFile.Write(path, new CheckpointHeader(CheckpointHeader.CurrentFormat, "csnn", 2, 0, 1, 1, 0, 0, 0, new EpochAccumulator()), network, optimizer);

        using var loaded = ParameterizedNetworks.Csnn(neuron, seed: 42);
        using var loadedOptimizer = OptimizerFactory.Create(new OptimizerSettings("adam", 0.05, WeightDecay: 0), loaded.parameters());
        CheckpointFile.Read(path, new CheckpointExpectation("csnn", 2), loaded, loadedOptimizer);

        var expected = ParameterizedNetworks.Values(network);
        expected["body.spike3.threshold"].Should().NotEqual(Enumerable.Repeat(0.75f, 5), "training moved it");
        ParameterizedNetworks.Values(loaded).Should().BeEquivalentTo(expected);
    }

    /// <summary>
    /// Checkpoints written before neuron models could declare parameters: a csnn with
    /// <see cref="ThresholdNeuron"/> (spec [2, 3] channels, hidden 4, T = 2, 8x8 images, seed 3) after two
    /// steps of each optimizer (learning rate 0.05, momentum 0.9 for SGD, no weight decay) on 16 synthetic
    /// images of seed 1 in batches of 8. The sum over every parameter and buffer was recorded at writing.
    /// </summary>
    [Fact]
    public void Read_Format1CheckpointOfAnotherT_IsRefusedByItsHeaderBeforeLoading()
    {
        var path = Fixture("adam");
        using var network = FixtureNetwork(timesteps: 4);
        var before = ParameterizedNetworks.Values(network);

        var read = () => CheckpointFile.Read(path, new CheckpointExpectation("csnn", 4), network, optimizer: null);

        read.Should().Throw<CheckpointException>().Which.Message.Should().Be($"Checkpoint '{path}' is for T = 2, this run has T = 4.");
        ParameterizedNetworks.Values(network).Should().BeEquivalentTo(before);
    }

    [Theory]
    [InlineData("adam", 10.490609081345618)]
    [InlineData("sgd", 8.71608290571021)]
    public void Read_CheckpointFromBeforeNeuronParameters_StillLoadsAndTrains(string optimizerName, double stateSum)
    {
        var path = Fixture(optimizerName);
        using var network = FixtureNetwork(timesteps: 2);
        using var optimizer = OptimizerFactory.Create(new OptimizerSettings(optimizerName, 0.05, Momentum: 0.9, WeightDecay: 0), network.parameters());

        var header = CheckpointFile.Read(path, new CheckpointExpectation("csnn", 2), network, optimizer);

        header.FormatVersion.Should().Be(1);
        header.GlobalIteration.Should().Be(2);
        network.state_dict().Values.Sum(t => t.to_type(ScalarType.Float64).sum().item<double>()).Should().BeApproximately(stateSum, 1e-9);
        using var scope = NewDisposeScope();
        var before = network.parameters().First().clone();
        using var loader = new Data.BatchLoader(SyntheticImages.Create(8, 1), 8, shuffle: false, 1);
        var (inputs, labels) = BatchTensors.From(loader.Epoch(0).First(), network.InputShape);
        var loss = new Objective().Compute(new NoDistillation(), network.forward(inputs), labels).Loss;
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        network.parameters().First().allclose(before).Should().BeFalse();
    }

    /// <summary>The network the fixtures were written from, but with <paramref name="timesteps"/>.</summary>
    private static Engine.Network.SpikingNetwork FixtureNetwork(int timesteps)
    {
        manual_seed(7);
        return Models.ModelCatalog.Build(
            new Models.ModelSpec("csnn", timesteps, [1, SyntheticImages.Side, SyntheticImages.Side], 10, [2, 3], 4, 0.1, 0.25), new ThresholdNeuron());
    }

    private static string Fixture(string optimizerName) =>
        Path.Combine(AppContext.BaseDirectory, "Training", "Checkpoints", $"before-neuron-parameters-{optimizerName}.ckpt");
}
