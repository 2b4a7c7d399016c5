using Neuromorph.Abstractions;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Plugins;
using Neuromorph.Host.Plugins.Guards;
using static TorchSharp.torch;

namespace Neuromorph.Host.Tests.Plugins;

/// <summary>
/// The guards the engine calls plugins through: the version in use runs until it throws; then that call and every later
/// one go to the previous version when there is one, and without one the failure names the plugin and its file.
/// </summary>
public sealed class PluginGuardTests
{
    [Fact]
    public void Compute_NewSchemeWorks_ItsResultIsUsedAndItCountsAsCalled()
    {
        var candidate = new ConstantScheme(2);
        var trial = new PluginGuard("scheme 'x'", "plugin.dll", candidate, new ConstantScheme(1));
        var scheme = (IDistillationScheme)PluginGuard.Wrap(PluginKind.DistillationScheme, trial);
        using var logits = zeros(2, 3, 4);

        using var loss = scheme.Compute(logits, labels: null).Loss;

        loss.item<float>().Should().Be(2);
        trial.Failure.Should().BeNull();
        trial.CurrentAnswered.Should().BeTrue();
    }

    [Fact]
    public void Compute_NewSchemeThrows_TheCallIsRedoneWithThePreviousOneAndLaterCallsStayThere()
    {
        var candidate = new ConstantScheme(2) { FailOnCall = 1 };
        var previous = new ConstantScheme(1);
        var trial = new PluginGuard("distillation scheme 'x'", "plugin.dll", candidate, previous);
        var scheme = (IDistillationScheme)PluginGuard.Wrap(PluginKind.DistillationScheme, trial);
        using var logits = zeros(2, 3, 4);

        using var first = scheme.Compute(logits, labels: null).Loss;
        using var second = scheme.Compute(logits, labels: null).Loss;

        (first.item<float>(), second.item<float>()).Should().Be((1f, 1f));
        (candidate.Calls, previous.Calls).Should().Be((1, 2));
        trial.Failure.Should().Be(
            "the new distillation scheme 'x' threw on its first call in training (InvalidOperationException: call 1 fails); " +
            "that call was redone with the previous version");
        trial.CurrentAnswered.Should().BeFalse();
    }

    [Fact]
    public void Compute_SchemesDisagreeOnLabels_EachGetsThemOnlyWhenItUsesThem()
    {
        var candidate = new ConstantScheme(2) { UsesLabels = true };
        var trial = new PluginGuard("s", "plugin.dll", candidate, new ConstantScheme(1));
        var scheme = (IDistillationScheme)PluginGuard.Wrap(PluginKind.DistillationScheme, trial);
        using var logits = zeros(2, 3, 4);
        using var labels = zeros(3, dtype: ScalarType.Int64);

        scheme.UsesLabels.Should().BeTrue();
        scheme.Compute(logits, labels).Loss.Dispose();

        candidate.LabelsSeen.Should().Equal(true);
    }

    [Fact]
    public void Run_NewNeuronThrowsInTheSecondLayer_ThatLayerAndLaterOnesRunThePreviousOne()
    {
        var candidate = new ScaledNeuron(2) { FailOnCall = 2 };
        var trial = new PluginGuard("neuron model 'x'", "plugin.dll", candidate, new ScaledNeuron(1));
        var neuron = (INeuronModel)PluginGuard.Wrap(PluginKind.Neuron, trial);
        using var inputs = ones(2, 3);

        var outputs = Enumerable.Range(0, 3).Select(_ => neuron.Run(inputs).sum().item<float>()).ToArray();

        outputs.Should().Equal(12f, 6f, 6f);
        trial.Failure.Should().Contain("call 2 fails");
    }

    [Fact]
    public void Compute_SchemeWithoutPreviousVersionThrows_IsAPluginFailureNamingThePluginItsFileAndTheMessage()
    {
        var scheme = (IDistillationScheme)PluginGuard.Wrap(
            PluginKind.DistillationScheme, new PluginGuard("distillation scheme 'x'", "/plugins/x.dll", new ConstantScheme(2) { FailOnCall = 1 }, null));
        using var logits = zeros(2, 3, 4);

        var call = () => scheme.Compute(logits, labels: null);

        call.Should().Throw<PluginFailureException>()
            .WithMessage("distillation scheme 'x' (/plugins/x.dll) threw InvalidOperationException: call 1 fails")
            .Which.InnerException.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public void Compute_AppliedVersionThrowsOnItsTwentiethCall_FallsBackAndSaysWhichCall()
    {
        var candidate = new ConstantScheme(2) { FailOnCall = 20 };
        var previous = new ConstantScheme(1);
        var guard = new PluginGuard("distillation scheme 'x'", "x.dll", candidate, previous);
        var scheme = (IDistillationScheme)PluginGuard.Wrap(PluginKind.DistillationScheme, guard);
        using var logits = zeros(2, 3, 4);

        var values = Enumerable.Range(0, 21).Select(_ => scheme.Compute(logits, labels: null).Loss.item<float>()).ToArray();

        values[..19].Should().OnlyContain(v => v == 2f);
        values[19..].Should().Equal(1f, 1f);
        guard.CurrentAnswered.Should().BeTrue("it answered 19 calls before failing");
        guard.Failure.Should().StartWith("the new distillation scheme 'x' threw on its 20th call in training (InvalidOperationException: call 20 fails)");
        guard.InForce.Should().BeSameAs(previous);
    }

    [Fact]
    public void Compute_PreviousVersionThrowsToo_IsAPluginFailureOfThePreviousVersion()
    {
        var guard = new PluginGuard(
            "distillation scheme 'x'", "x.dll", new ConstantScheme(2) { FailOnCall = 1 }, new ConstantScheme(1) { FailOnCall = 1 });
        var scheme = (IDistillationScheme)PluginGuard.Wrap(PluginKind.DistillationScheme, guard);
        using var logits = zeros(2, 3, 4);

        var call = () => scheme.Compute(logits, labels: null);

        call.Should().Throw<PluginFailureException>().WithMessage("the previous version of distillation scheme 'x' (x.dll) threw *");
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
