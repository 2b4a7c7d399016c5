using TorchSharp;
using Neuromorph.Engine.Robustness;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Neuromorph.Engine.Tests.Robustness;

public sealed class NetworkAttackTargetTests
{
    [Fact]
    public void Logits_AreTheTimeAverageOfTheNetworksOutputs()
    {
        using var network = TinyNetworks.Csnn(new TinyNetworks.SmoothSpike());
        network.eval();
        using var scope = NewDisposeScope();
        var inputs = rand([4, 1, 8, 8]);

        var logits = new NetworkAttackTarget(network).Logits(inputs);

        var perTimestep = network.forward(inputs);
        logits.allclose(perTimestep.sum(new long[] { 0 }) / network.Timesteps, rtol: 1e-6, atol: 1e-6).Should().BeTrue();
    }

    [Fact]
    public void InputGradient_ThroughAllTimesteps_MatchesCentralFiniteDifferences()
    {
        // A smooth-spike network is an ordinary differentiable function of its input: the gradient that
        // backpropagation through time gives must equal the numerical derivative of the loss.
        using var network = TinyNetworks.Csnn(new TinyNetworks.SmoothSpike(), timesteps: 3);
        network.to(ScalarType.Float64);
        network.eval();
        using var scope = NewDisposeScope();
        manual_seed(11);
        var inputs = rand([2, 1, 8, 8], dtype: float64);
        var labels = tensor(new long[] { 3, 7 });
        var target = new NetworkAttackTarget(network);
        double Loss(Tensor x)
        {
            using var noGrad = no_grad();
            return cross_entropy(target.Logits(x), labels, reduction: nn.Reduction.Sum).item<double>();
        }

        var x = inputs.clone().requires_grad_(true);
        var gradient = autograd.grad([cross_entropy(target.Logits(x), labels, reduction: nn.Reduction.Sum)], [x])[0];

        const double h = 1e-5;
        var flat = inputs.flatten();
        var analytic = gradient.flatten();
        var maxError = 0.0;
        var maxMagnitude = 0.0;
        for (var i = 0; i < flat.shape[0]; i += 3)
        {
            var plus = flat.clone();
            plus[i] += h;
            var minus = flat.clone();
            minus[i] -= h;
            var numeric = (Loss(plus.reshape(inputs.shape)) - Loss(minus.reshape(inputs.shape))) / (2 * h);
            var value = analytic[i].item<double>();
            maxError = Math.Max(maxError, Math.Abs(numeric - value));
            maxMagnitude = Math.Max(maxMagnitude, Math.Abs(value));
        }

        maxMagnitude.Should().BeGreaterThan(1e-4, "the check is only meaningful when the input matters to the loss");
        maxError.Should().BeLessThan(1e-6 * Math.Max(1, maxMagnitude));
    }
}
