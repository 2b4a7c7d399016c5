using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// Signed-gradient ascent of the cross-entropy inside an L∞ ball, x ← Π(x + α·sign(∇ₓ CE)), projecting after
/// every step. FGSM is one step of size ε from the inputs, BIM several from the inputs, PGD several from a random
/// point of the ball.
/// </summary>
/// <param name="step">α, the step size.</param>
/// <param name="steps">How many steps.</param>
/// <param name="eotSamples">Passes averaged per gradient.</param>
internal sealed class SignedGradientAscent(double step, int steps, int eotSamples)
{
    /// <summary>The last iterate, starting from <paramref name="start"/> (projected into the ball first).</summary>
    public Tensor Run(IAttackTarget target, AttackBatch batch, LinfBall ball, Tensor start)
    {
        var loss = AttackLosses.CrossEntropy(batch.Labels);
        var iterate = new Iterate(ball.Project(start));
        for (var i = 0; i < steps; i++)
        {
            iterate = AttackStep.Advance(iterate, current =>
            {
                var gradient = InputGradient.Compute(target, batch, current!.Point, loss, eotSamples).Gradient;
                return new Iterate(ball.Project(current.Point + gradient.sign().mul(step)));
            });
        }
        return iterate.Point;
    }

    private sealed record Iterate(Tensor Point) : IAttackState
    {
        public IEnumerable<Tensor> Tensors => [Point];
    }
}
