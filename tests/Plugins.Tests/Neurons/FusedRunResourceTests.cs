using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Plugins.Neurons;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Neurons;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AutogradNodeCountCollection
{
    /// <summary>Tests that count process-wide autograd nodes, run alone.</summary>
    public const string Name = "autograd node count";
}

/// <summary>
/// What the fused run keeps and leaks: one autograd node for all timesteps (not one per timestep and
/// operation), no per-timestep tensors, the surrogate derivative evaluated once without a graph, and nothing
/// left behind over repeated forward and backward passes.
/// </summary>
[Collection(AutogradNodeCountCollection.Name)]
public sealed class FusedRunResourceTests
{
    [Fact]
    public void Run_RecordsOneAutogradNodeForAllTimesteps()
    {
        using var scope = NewDisposeScope();
        var lif = new LifNeuron(new LifOptions(), SurrogateGradients.Create("atan", 0));
        var inputs = SteppedReference.Uniform(1, float32, -0.5, 2.5, 16, 4, 10).requires_grad_(true);

        var before = CustomAutogradNodes.Alive;
        var fused = lif.Run(inputs);
        var afterFused = CustomAutogradNodes.Alive;
        var stepped = SteppedReference.Run(lif, inputs);
        var afterStepped = CustomAutogradNodes.Alive;

        (afterFused - before).Should().Be(1, "the fused run is one node");
        (afterStepped - afterFused).Should().Be(16, "the step-by-step path records a spike node per timestep (and built-in nodes around it)");
        GC.KeepAlive(fused);
        GC.KeepAlive(stepped);
    }

    [Fact]
    public void Run_CreatesAsManyTensorsAndDerivativeCallsForSixtyFourTimestepsAsForFour()
    {
        var measured = new[] { 4, 64 }.Select(timesteps =>
        {
            using var scope = NewDisposeScope();
            var counting = new CountingSurrogate(SurrogateGradients.Create("sigmoid", 0));
            var lif = new LifNeuron(new LifOptions(Reset: ResetMode.Hard), counting);
            var inputs = SteppedReference.Uniform(timesteps, float32, -0.5, 2.5, timesteps, 4, 10).requires_grad_(true);

            var before = DisposeScopeManager.Statistics.CreatedInScopeCount;
            lif.Run(inputs).sum().backward();
            var created = DisposeScopeManager.Statistics.CreatedInScopeCount - before;

            counting.SpikeCalls.Should().Be(0);
            counting.DerivativeArguments.Sum(a => a.Shape.Aggregate(1L, (x, y) => x * y)).Should().Be(timesteps * 40L,
                "the derivative is evaluated once for every element of the sequence");
            counting.DerivativeArguments.Should().OnlyContain(a => !a.RequiresGrad, "no graph is recorded for it");
            return (Created: created, DerivativeCalls: counting.DerivativeArguments.Count);
        }).ToArray();

        measured[1].Should().Be(measured[0], "nothing is created or evaluated per timestep");
    }

    [Theory]
    [InlineData(ResetMode.Soft, false, false)]
    [InlineData(ResetMode.Hard, false, false)]
    [InlineData(ResetMode.Hard, true, false)]
    [InlineData(ResetMode.Hard, false, true)]
    public void Run_RepeatedForwardAndBackward_LeavesNoTensorsOrNodesBehind(ResetMode reset, bool detachReset, bool learnableDecay)
    {
        var surrogate = SurrogateGradients.Create("atan", 0);
        var lif = new LifNeuron(new LifOptions(Reset: reset, DetachReset: detachReset), surrogate);
        var logit = tensor(0.2f).requires_grad_(true);
        void Iteration(int seed)
        {
            using var scope = NewDisposeScope();
            var inputs = SteppedReference.Uniform(seed, float32, -0.5, 2.5, 8, 4, 2, 3).requires_grad_(true);
            var spikes = learnableDecay
                ? FusedThresholdRun.Run(inputs, new ThresholdDynamics(new MembraneCharge.LeakByDecay(sigmoid(logit)), 1.0, reset, detachReset, surrogate))
                : lif.Run(inputs);
            spikes.sum().backward();
            inputs.grad!.abs().sum().item<float>().Should().BeGreaterThan(0);
        }

        Iteration(0);
        var liveTensors = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var liveNodes = CustomAutogradNodes.Alive;
        for (var i = 1; i <= 20; i++) Iteration(i);

        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(liveTensors);
        CustomAutogradNodes.Alive.Should().Be(liveNodes);
    }
}
