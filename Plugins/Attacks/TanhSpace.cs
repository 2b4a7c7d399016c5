using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// Carlini-Wagner's change of variables: the attack optimises w freely and the adversarial point is
/// x + Π((tanh w − tanh w₀)/2), clamped to [0, 1], where w₀ = atanh(2x − 1) (pulled just inside ±1) maps to the
/// clean input x exactly and Π projects onto the L2 ball of radius <c>maxL2</c> (none when 0). Differentiable in w.
/// </summary>
internal sealed class TanhSpace
{
    private const double Limit = 1 - 1e-6;

    private readonly Tensor inputs;
    private readonly Tensor startTanh;
    private readonly double maxL2;

    public TanhSpace(Tensor inputs, double maxL2)
    {
        this.inputs = inputs;
        this.maxL2 = maxL2;
        Start = (inputs * 2 - 1).clamp(-Limit, Limit).atanh();
        startTanh = Start.tanh();
    }

    /// <summary>w₀, the variable of the clean inputs.</summary>
    public Tensor Start { get; }

    /// <summary>The adversarial point of <paramref name="w"/>.</summary>
    public Tensor Point(Tensor w)
    {
        var perturbation = (w.tanh() - startTanh).mul(0.5);
        if (maxL2 > 0)
        {
            var norm = L2Norm(perturbation);
            var scale = (maxL2 / norm.clamp_min(1e-12)).clamp_max(1.0);
            perturbation = perturbation * scale.reshape(PerSampleShape(perturbation));
        }
        // Clamping moves each coordinate towards x (which lies in [0, 1]), so it never leaves the L2 ball.
        return (inputs + perturbation).clamp(0.0, 1.0);
    }

    /// <summary>‖t‖₂ per sample <c>[B]</c>, with a finite gradient at 0 (the square root's is not).</summary>
    public static Tensor L2Norm(Tensor perSample) => perSample.flatten(1).square().sum(1).clamp_min(1e-24).sqrt();

    private static long[] PerSampleShape(Tensor like)
    {
        var shape = new long[like.dim()];
        Array.Fill(shape, 1L);
        shape[0] = like.shape[0];
        return shape;
    }
}
