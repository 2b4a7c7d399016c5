using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.Tests.Plugins.Doubles;

/// <summary>A Heaviside step with a unit derivative, for activation tests.</summary>
internal sealed class StepSurrogate : ISurrogateGradient
{
    public string Name => "step";

    public torch.Tensor Spike(torch.Tensor x) => x.ge(0).to_type(x.dtype);

    public torch.Tensor Derivative(torch.Tensor x) => torch.ones_like(x);
}
