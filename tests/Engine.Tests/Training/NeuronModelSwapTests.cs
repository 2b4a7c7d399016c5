using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Tests.Network;
using Neuromorph.Engine.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Training;

public sealed class NeuronModelSwapTests : IDisposable
{
    private static readonly NeuronParameter Tau = LearnableNeuron.ScalarTau(3);
    private static readonly NeuronParameter Threshold = LearnableNeuron.PerChannelThreshold(0.75);
    private static readonly LearnableNeuron Next = new(Tau, LearnableNeuron.ScalarGain(1.5));

    private readonly string root = Path.Combine(Path.GetTempPath(), "neuromorph-swap-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private static OptimizerSettings Settings(string optimizer) => new(optimizer, 0.05, Momentum: 0.9, WeightDecay: 1e-4);

    [Theory]
    [InlineData("adam")]
    [InlineData("sgd")]
    public void Apply_AfterTraining_KeepsStateOfKeptParametersAndTrainsTheNewOnes(string optimizerName)
    {
        using var network = ParameterizedNetworks.Csnn(new LearnableNeuron(Tau, Threshold));
        using var optimizer = OptimizerFactory.Create(Settings(optimizerName), network.parameters());
        ParameterizedNetworks.TrainStep(network, optimizer, seed: 1);
        ParameterizedNetworks.TrainStep(network, optimizer, seed: 2);
        var tau = Parameter(network, "body.spike1.tau_logit");
        var tauState = StateOf(optimizer, tau);

        var changes = NeuronModelSwap.Apply(network, Next, optimizer);

        changes.Should().HaveCount(9);
        optimizer.parameters().Select(p => p.Handle).Should().Equal(network.parameters().Select(p => p.Handle));
        StateOf(optimizer, tau).Should().BeSameAs(tauState);
        var gain = Parameter(network, "body.spike1.gain");
        if (optimizerName == "adam")
        {
            ((TorchSharp.Modules.Adam.State)tauState).step.Should().Be(2);
            ((TorchSharp.Modules.Adam.State)StateOf(optimizer, gain)).step.Should().Be(0);
        }
        else
        {
            ((TorchSharp.Modules.SGD.State)tauState).momentum_buffer.Should().NotBeNull();
            ((TorchSharp.Modules.SGD.State)StateOf(optimizer, gain)).momentum_buffer.Should().BeNull();
        }

        ParameterizedNetworks.TrainStep(network, optimizer, seed: 3);

        gain.item<float>().Should().NotBe(1.5f, "the optimizer trains the added parameter");
        if (optimizerName == "adam") ((TorchSharp.Modules.Adam.State)tauState).step.Should().Be(3);
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("sgd")]
    public void Checkpoint_AfterSwap_ResumesIntoANetworkBuiltWithTheNewModel(string optimizerName)
    {
        using var network = ParameterizedNetworks.Csnn(new LearnableNeuron(Tau, Threshold));
        using var optimizer = OptimizerFactory.Create(Settings(optimizerName), network.parameters());
        ParameterizedNetworks.TrainStep(network, optimizer, seed: 1);
        NeuronModelSwap.Apply(network, Next, optimizer);
        ParameterizedNetworks.TrainStep(network, optimizer, seed: 2);
        var path = Path.Combine(root, "last.ckpt");
        CheckpointFile.Write(path, Header(), network, optimizer);

        using var resumed = ParameterizedNetworks.Csnn(Next, seed: 99);
        using var resumedOptimizer = OptimizerFactory.Create(Settings(optimizerName), resumed.parameters());
        CheckpointFile.Read(path, new CheckpointExpectation("csnn", 2), resumed, resumedOptimizer);

        ParameterizedNetworks.Values(resumed).Should().BeEquivalentTo(ParameterizedNetworks.Values(network));
        ParameterizedNetworks.TrainStep(network, optimizer, seed: 3);
        ParameterizedNetworks.TrainStep(resumed, resumedOptimizer, seed: 3);
        var continued = ParameterizedNetworks.Values(network);
        var resumedValues = ParameterizedNetworks.Values(resumed);
        resumedValues.Keys.Should().BeEquivalentTo(continued.Keys).And.Contain("body.spike1.tau_logit", "the weights and the neuron parameters are compared");
        foreach (var (name, values) in resumedValues)
            values.Should().Equal(continued[name], (a, b) => Math.Abs(a - b) <= 1e-6f, name);
    }

    [Fact]
    public void TrainSteps_AroundASwap_KeepTheLiveTensorCountFlat()
    {
        using var network = ParameterizedNetworks.Csnn(new LearnableNeuron(Tau, Threshold));
        using var optimizer = OptimizerFactory.Create(Settings("adam"), network.parameters());
        var (inputs, labels) = ParameterizedNetworks.Batch();
        var objective = new Objective();
        var live = new List<long>();
        void Step()
        {
            using (var scope = NewDisposeScope())
            {
                var loss = objective.Compute(new NoDistillation(), network.forward(inputs), labels).Loss;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            live.Add(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }

        for (var i = 0; i < 10; i++) Step();
        NeuronModelSwap.Apply(network, new LearnableNeuron(Tau, LearnableNeuron.PerChannelThreshold(0.5)), optimizer);
        for (var i = 0; i < 10; i++) Step();

        live.Skip(2).Take(8).Should().AllBeEquivalentTo(live[2], "the count is flat before the swap");
        live.Skip(12).Should().AllBeEquivalentTo(live[12], "and after it");
        live[12].Should().Be(live[2], "re-created parameters and their optimizer state replace the old ones");
    }

    [Fact]
    public void Apply_OptimizerNotFromTheFactory_ThrowsBeforeChangingTheNetwork()
    {
        using var network = ParameterizedNetworks.Csnn(new LearnableNeuron(Tau, Threshold));
        using var optimizer = optim.Adam(network.parameters());
        var model = network.NeuronLayers[0].Model;

        var act = () => NeuronModelSwap.Apply(network, Next, optimizer);

        act.Should().Throw<ArgumentException>().WithMessage("*cannot follow*");
        network.NeuronLayers[0].Model.Should().BeSameAs(model);
    }

    [Fact]
    public void Apply_WithoutOptimizer_ReplacesTheModel()
    {
        using var network = ParameterizedNetworks.Csnn(new LearnableNeuron(Tau, Threshold));

        var changes = NeuronModelSwap.Apply(network, Next, optimizer: null);

        changes.Count(c => c.Kind == NeuronParameterChangeKind.Added).Should().Be(3);
        network.NeuronLayers.Should().AllSatisfy(layer => layer.Model.Should().BeSameAs(Next));
    }

    private static Parameter Parameter(SpikingNetwork network, string name) =>
        network.named_parameters().Single(p => p.name == name).parameter;

    /// <summary>The optimizer's state of <paramref name="parameter"/>, found by position in its one parameter group.</summary>
    private static OptimizerState StateOf(OptimizerHelper optimizer, Parameter parameter)
    {
        var index = optimizer.parameters().Select(p => p.Handle).ToList().IndexOf(parameter.Handle);
        index.Should().BeGreaterThanOrEqualTo(0);
        return optimizer.state_dict().State[index];
    }

    private static CheckpointHeader Header() =>
        new(CheckpointHeader.CurrentFormat, "csnn", 2, 0, 2, 2, 0, 0, 0, new EpochAccumulator());
}
