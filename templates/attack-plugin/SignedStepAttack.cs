using Neuromorph.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace AttackPlugin1;

/// <summary>
/// An iterative signed-gradient attack under an L∞ budget: each step moves every pixel by
/// α = 2.5·ε/steps in the sign of the cross-entropy's input gradient, then projects back into the
/// ε-ball around the clean image and into [0, 1].
/// </summary>
[Plugin("signed-step-attack", Description = "Iterative signed-gradient L-infinity attack (epsilon, steps).")]
internal sealed class SignedStepAttack : IAdversarialAttack
{
    private readonly double epsilon;
    private readonly int steps;

    // The host calls the public constructor with the most parameters; it may take the options record,
    // a PluginContext, or both. Invalid values throw PluginOptionsException naming the TOML key: the host
    // then stops with exit code 2 before any work starts.
    public SignedStepAttack(SignedStepAttackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!double.IsFinite(options.Epsilon) || options.Epsilon < 0 || options.Epsilon > 1)
            throw new PluginOptionsException(
                "epsilon", $"epsilon must be a number from 0 to 1 (an L-infinity budget for inputs in [0, 1]); got {options.Epsilon}.");
        if (options.Steps < 1)
            throw new PluginOptionsException("steps", $"steps must be at least 1; got {options.Steps}.");
        epsilon = options.Epsilon;
        steps = options.Steps;
    }

    // The norm epsilon bounds: the host prints the budget as "Linf 8/255" and pools this attack into a worst case only
    // with L-infinity attacks of the same epsilon. An attack whose perturbation is at most epsilon long says L2.
    public PerturbationNorm Norm => PerturbationNorm.Linf;

    public Tensor Perturb(IAttackTarget target, Tensor inputs, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckShapes(inputs, labels);
        if (epsilon == 0)
            return inputs.detach().clone();

        // Everything made here is freed when the attack returns, except the result it moves out.
        using var attackScope = NewDisposeScope();
        var clean = inputs.detach();
        var lower = (clean - epsilon).clamp_(0, 1);
        var upper = (clean + epsilon).clamp_(0, 1);
        var stepSize = 2.5 * epsilon / steps;
        var adversarial = clean.clone();
        for (var step = 0; step < steps; step++)
        {
            // One dispose scope per step: the step's graph and temporaries are freed at its end.
            using var stepScope = NewDisposeScope();
            using var gradientMode = enable_grad();
            var x = adversarial.detach().requires_grad_(true);
            var loss = nn.functional.cross_entropy(target.Logits(x), labels);
            var gradient = autograd.grad([loss], [x])[0];
            var next = (x.detach() + stepSize * gradient.sign()).clamp_(lower, upper).MoveToOuterDisposeScope();
            adversarial.Dispose();
            adversarial = next;
        }
        return adversarial.MoveToOuterDisposeScope();
    }

    // Shapes are checked here because some native ops abort the process instead of throwing.
    private static void CheckShapes(Tensor inputs, Tensor labels)
    {
        if (inputs.dim() != 4)
            throw new ArgumentException($"Expected inputs [B, C, H, W], got [{string.Join(", ", inputs.shape)}].", nameof(inputs));
        if (labels.dim() != 1 || labels.shape[0] != inputs.shape[0] || labels.dtype != ScalarType.Int64)
            throw new ArgumentException(
                $"Expected int64 labels [{inputs.shape[0]}], got {labels.dtype} [{string.Join(", ", labels.shape)}].", nameof(labels));
    }
}
