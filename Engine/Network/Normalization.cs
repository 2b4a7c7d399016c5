using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Network;

/// <summary>
/// Maps inputs in [0, 1] to zero mean and unit variance with the dataset's statistics. It is the
/// network's first layer, so that attacks and users feed raw [0, 1] inputs.
/// </summary>
internal sealed class Normalization : nn.Module<Tensor, Tensor>
{
    public Normalization(double mean, double std) : base(nameof(Normalization))
    {
        if (std <= 0) throw new ArgumentOutOfRangeException(nameof(std), std, "The standard deviation must be positive.");
        Mean = mean;
        Std = std;
    }

    public double Mean { get; }

    public double Std { get; }

    public override Tensor forward(Tensor input) => (input - Mean) / Std;
}
