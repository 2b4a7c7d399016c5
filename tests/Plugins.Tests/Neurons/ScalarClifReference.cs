namespace Neuromorph.Plugins.Tests.Neurons;

/// <summary>
/// An independent scalar statement of CLIF (Huang et al. 2024) in double precision, written from the paper's
/// equations: γ = 1 − 1/τ, H = γ·V + X (X/τ with decay input), M ← M·σ(H/τ), S = [H ≥ θ], M ← M + S,
/// soft V = H − S·(θ + σ(M)), hard V = H·(1 − S) − S·σ(M).
/// </summary>
internal static class ScalarClifReference
{
    public static (double[] Spikes, double[] Membrane, double[] Complementary) Simulate(
        double[] inputs, double tau, double threshold, bool hardReset, bool decayInput = false)
    {
        var spikes = new double[inputs.Length];
        var membrane = new double[inputs.Length];
        var complementary = new double[inputs.Length];
        double v = 0, m = 0;
        for (var t = 0; t < inputs.Length; t++)
        {
            var h = (1 - 1 / tau) * v + (decayInput ? inputs[t] / tau : inputs[t]);
            m *= Sigmoid(h / tau);
            var s = h >= threshold ? 1.0 : 0.0;
            m += s;
            v = hardReset ? h * (1 - s) - s * Sigmoid(m) : h - s * (threshold + Sigmoid(m));
            spikes[t] = s;
            membrane[t] = v;
            complementary[t] = m;
        }
        return (spikes, membrane, complementary);
    }

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
