using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Surrogates;

public sealed class SpikeFunctionMemoryTests
{
    [Theory]
    [InlineData("rectangular")]
    [InlineData("sigmoid")]
    [InlineData("triangle")]
    [InlineData("fast-sigmoid")]
    public void ForwardAndBackward_InsideIterationScopes_KeepLiveTensorCountFlat(string name)
    {
        var surrogate = SurrogateGradients.Create(name, 0);
        using var weight = ones(8, dtype: float64).requires_grad_(true);

        RunIterations(surrogate, weight, 3);
        var afterWarmUp = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        RunIterations(surrogate, weight, 30);

        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(afterWarmUp);
    }

    private static void RunIterations(ISurrogateGradient surrogate, Tensor weight, int iterations)
    {
        for (var i = 0; i < iterations; i++)
        {
            using var scope = NewDisposeScope();
            var x = linspace(-1, 1, 8, dtype: float64).mul(weight);
            surrogate.Spike(x).sum().backward();
            weight.grad!.zero_();
        }
    }
}
