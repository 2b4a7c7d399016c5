using Neuromorph.Abstractions;
using Neuromorph.Host.HotReload;
using Neuromorph.Host.Plugins;
using static TorchSharp.torch;

namespace Neuromorph.Host.Tests.HotReload;

/// <summary>The one call a new plugin version must survive before it is put on trial.</summary>
public sealed class PluginProbeTests
{
    private static readonly PluginContext Context = new(Timesteps: 3, ClassCount: 5, Seed: 1);

    [Fact]
    public void Check_SchemeReturningAVector_ThrowsNamingTheShape()
    {
        var check = () => PluginProbe.Check(PluginKind.DistillationScheme, new Scheme(logits => logits.mean([0, 1])), Context);

        check.Should().Throw<InvalidOperationException>().WithMessage("*logits [3, 2, 5] has shape [5]; it must be a scalar*");
    }

    [Fact]
    public void Check_SchemeWithAFiniteScalarLoss_PassesAndGetsLogitsOfTheRunsShapeWithGradients()
    {
        long[]? seen = null;
        var scheme = new Scheme(logits =>
        {
            seen = logits.shape;
            logits.requires_grad.Should().BeTrue();
            return logits.pow(2).mean();
        });

        PluginProbe.Check(PluginKind.DistillationScheme, scheme, Context);

        seen.Should().Equal(3, 2, 5);
    }

    [Fact]
    public void Check_NeuronChangingTheShape_Throws()
    {
        var check = () => PluginProbe.Check(PluginKind.Neuron, new Neuron(inputs => inputs[0]), Context);

        check.Should().Throw<InvalidOperationException>().WithMessage("*returned spikes [2, 3] for inputs [3, 2, 3]*");
    }

    [Fact]
    public void Check_PluginDrawingFromTheGlobalGenerator_LeavesTheRunsRandomStreamWhereItWas()
    {
        manual_seed(7);
        using var expected = rand(4);
        manual_seed(7);

        PluginProbe.Check(PluginKind.DistillationScheme, new Scheme(logits => (logits * rand(logits.shape)).mean()), Context);
        using var drawn = rand(4);

        drawn.data<float>().ToArray().Should().Equal(expected.data<float>().ToArray());
    }

    private sealed class Scheme(Func<Tensor, Tensor> loss) : IDistillationScheme
    {
        public DistillationTerm Compute(Tensor timestepLogits, Tensor? labels) =>
            new(loss(timestepLogits), new Dictionary<string, Diagnostic>());
    }

    private sealed class Neuron(Func<Tensor, Tensor> run) : INeuronModel
    {
        public NeuronState CreateState(Tensor input) => new(zeros_like(input));

        public NeuronStep Step(Tensor input, NeuronState state) => new(input, state);

        public Tensor Run(Tensor inputs) => run(inputs);
    }
}
