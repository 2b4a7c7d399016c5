using Neuromorph.Abstractions;
using Neuromorph.Host.HotReload;
using Neuromorph.Host.Plugins;
using static TorchSharp.torch;

namespace Neuromorph.Host.Tests.HotReload;

/// <summary>The trial wrappers: the new version runs until it throws; then that call and every later one go to the old one.</summary>
public sealed class SwapTrialTests
{
    [Fact]
    public void Compute_NewSchemeWorks_ItsResultIsUsedAndItCountsAsCalled()
    {
        var trial = new SwapTrial();
        var candidate = new ConstantScheme(2);
        var scheme = (IDistillationScheme)trial.Wrap(PluginKind.DistillationScheme, "scheme 'x'", candidate, new ConstantScheme(1));
        using var logits = zeros(2, 3, 4);

        using var loss = scheme.Compute(logits, labels: null).Loss;

        loss.item<float>().Should().Be(2);
        trial.Failure.Should().BeNull();
        trial.HasCalled(candidate).Should().BeTrue();
    }

    [Fact]
    public void Compute_NewSchemeThrows_TheCallIsRedoneWithThePreviousOneAndLaterCallsStayThere()
    {
        var trial = new SwapTrial();
        var candidate = new ConstantScheme(2) { FailOnCall = 1 };
        var previous = new ConstantScheme(1);
        var scheme = (IDistillationScheme)trial.Wrap(PluginKind.DistillationScheme, "distillation scheme 'x'", candidate, previous);
        using var logits = zeros(2, 3, 4);

        using var first = scheme.Compute(logits, labels: null).Loss;
        using var second = scheme.Compute(logits, labels: null).Loss;

        (first.item<float>(), second.item<float>()).Should().Be((1f, 1f));
        (candidate.Calls, previous.Calls).Should().Be((1, 2));
        trial.Failure.Should().Be(
            "the new distillation scheme 'x' threw on its first call (InvalidOperationException: call 1 fails); " +
            "that call was redone with the previous version");
        trial.HasCalled(candidate).Should().BeFalse();
    }

    [Fact]
    public void Compute_SchemesDisagreeOnLabels_EachGetsThemOnlyWhenItUsesThem()
    {
        var trial = new SwapTrial();
        var candidate = new ConstantScheme(2) { UsesLabels = true };
        var scheme = (IDistillationScheme)trial.Wrap(PluginKind.DistillationScheme, "s", candidate, new ConstantScheme(1));
        using var logits = zeros(2, 3, 4);
        using var labels = zeros(3, dtype: ScalarType.Int64);

        scheme.UsesLabels.Should().BeTrue();
        scheme.Compute(logits, labels).Loss.Dispose();

        candidate.LabelsSeen.Should().Equal(true);
    }

    [Fact]
    public void Run_NewNeuronThrowsInTheSecondLayer_ThatLayerAndLaterOnesRunThePreviousOne()
    {
        var trial = new SwapTrial();
        var candidate = new ScaledNeuron(2) { FailOnCall = 2 };
        var neuron = (INeuronModel)trial.Wrap(PluginKind.Neuron, "neuron model 'x'", candidate, new ScaledNeuron(1));
        using var inputs = ones(2, 3);

        var outputs = Enumerable.Range(0, 3).Select(_ => neuron.Run(inputs).sum().item<float>()).ToArray();

        outputs.Should().Equal(12f, 6f, 6f);
        trial.Failure.Should().Contain("call 2 fails");
    }

    private sealed class ConstantScheme(float value) : IDistillationScheme
    {
        public int FailOnCall { get; init; }

        public int Calls { get; private set; }

        public bool UsesLabels { get; init; }

        public List<bool> LabelsSeen { get; } = [];

        public DistillationTerm Compute(Tensor timestepLogits, Tensor? labels)
        {
            Calls++;
            LabelsSeen.Add(labels is not null);
            if (Calls == FailOnCall) throw new InvalidOperationException($"call {Calls} fails");
            return new DistillationTerm(tensor(value), new Dictionary<string, Diagnostic>());
        }
    }

    private sealed class ScaledNeuron(float scale) : INeuronModel
    {
        private int calls;

        public int FailOnCall { get; init; }

        public NeuronState CreateState(Tensor input) => new(zeros_like(input));

        public NeuronStep Step(Tensor input, NeuronState state) => new(input * scale, state);

        public Tensor Run(Tensor inputs)
        {
            if (++calls == FailOnCall) throw new InvalidOperationException($"call {calls} fails");
            return inputs * scale;
        }
    }
}
