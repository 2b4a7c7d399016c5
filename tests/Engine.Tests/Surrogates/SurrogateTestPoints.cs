using Neuromorph.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Surrogates;

/// <summary>Points x = H − θ at which the surrogates are checked, and a helper to differentiate at them.</summary>
internal static class SurrogateTestPoints
{
    public static readonly double[] Points = [-2.0, -0.75, -0.49, -0.3, -0.1, 0.0, 0.05, 0.25, 0.49, 0.51, 1.3];

    /// <summary>The gradient of sum(Spike(x)) with respect to x, i.e. dS/dx at every point.</summary>
    public static double[] BackwardAt(ISurrogateGradient surrogate, double[] points)
    {
        using var scope = NewDisposeScope();
        var x = tensor(points, dtype: float64).requires_grad_(true);
        surrogate.Spike(x).sum().backward();
        return x.grad!.data<double>().ToArray();
    }

    public static double[] ForwardAt(ISurrogateGradient surrogate, double[] points)
    {
        using var scope = NewDisposeScope();
        return surrogate.Spike(tensor(points, dtype: float64)).data<double>().ToArray();
    }
}
