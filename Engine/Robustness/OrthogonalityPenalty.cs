using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Robustness;

/// <summary>
/// The orthogonality regulariser of regularized adversarial training: β·Σ_W ‖G(W) − I‖²_F over every weight
/// matrix and convolution kernel W, reshaped to <c>[out, in·k·k]</c>, where G is the smaller Gram matrix
/// (W Wᵀ when out ≤ in·k·k, else Wᵀ W), so the penalty is zero exactly for orthonormal rows (or columns).
/// Keeping the layers' Lipschitz constants near 1 limits how far a small input perturbation can move the output.
/// </summary>
internal sealed class OrthogonalityPenalty
{
    private readonly Parameter[] weights;

    /// <param name="parameters">The network's parameters; those with two or more dimensions are penalised.</param>
    /// <param name="weight">β, ≥ 0.</param>
    public OrthogonalityPenalty(IEnumerable<Parameter> parameters, double weight)
    {
        if (!double.IsFinite(weight) || weight < 0)
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "The orthogonality weight must be a finite number >= 0.");
        weights = parameters.Where(p => p.dim() >= 2).ToArray();
        Weight = weight;
    }

    /// <summary>β.</summary>
    public double Weight { get; }

    /// <summary>The penalty β·Σ‖G(W) − I‖²_F as a scalar with gradient.</summary>
    public Tensor Compute()
    {
        Tensor? total = null;
        foreach (var weight in weights)
        {
            var matrix = weight.flatten(1);
            var gram = matrix.shape[0] <= matrix.shape[1] ? matrix.matmul(matrix.t()) : matrix.t().matmul(matrix);
            var identity = eye(gram.shape[0], dtype: gram.dtype, device: gram.device);
            var term = (gram - identity).square().sum();
            total = total is null ? term : total + term;
        }
        return total is null ? zeros([]) : total * Weight;
    }
}
