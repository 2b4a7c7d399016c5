using Neuromorph.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Surrogates;

/// <summary>
/// The spike nonlinearity as a custom autograd function: the Heaviside step (1 where x ≥ 0) in the forward
/// pass and the surrogate's derivative in the backward pass. Called as
/// <c>SpikeFunction.apply(x, surrogate)</c>; the surrogate travels with the graph node, so the gradient of a
/// forward pass is always the one of the surrogate that produced it.
/// </summary>
internal sealed class SpikeFunction : autograd.SingleTensorFunction<SpikeFunction>
{
    private const string SurrogateKey = "surrogate";

    public override string Name => "NeuromorphSpike";

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var x = (Tensor)vars[0];
        ctx.save_for_backward([x]);
        ctx.save_data(SurrogateKey, (ISurrogateGradient)vars[1]);
        return x.ge(0).to_type(x.dtype);
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        var surrogate = (ISurrogateGradient)ctx.get_data(SurrogateKey);
        using var scope = NewDisposeScope();
        var x = ctx.get_saved_variables()[0];
        var gradInput = grad_output.mul(surrogate.Derivative(x)).MoveToOuterDisposeScope();
        // One entry per forward argument: the surrogate argument is not a tensor and gets no gradient.
        return [gradInput, null!];
    }
}
