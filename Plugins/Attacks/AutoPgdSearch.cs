using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// One Auto-PGD run (Croce &amp; Hein 2020, Algorithm 1) in an L∞ ball:
/// z = Π(x(k) + η·sign(∇f(x(k)))), x(k+1) = Π(x(k) + α(z − x(k)) + (1 − α)(x(k) − x(k−1))) with α = 0.75
/// (α = 1 for the first step), η starting at 2ε. At each checkpoint w_j the step halves, and the run restarts
/// from the highest-loss point x_max, for the samples where fewer than ρ·(w_j − w_{j−1}) of the steps since
/// w_{j−1} raised the loss, or where the step was not halved at w_{j−1} and the best loss has not improved
/// since. Per sample it returns the strongest iterate (<see cref="StrongestPoint"/>).
/// </summary>
/// <param name="steps">N, iterations.</param>
/// <param name="rho">ρ, the step-halving threshold.</param>
/// <param name="eotSamples">Passes averaged per gradient.</param>
internal sealed class AutoPgdSearch(int steps, double rho, int eotSamples)
{
    private const double Momentum = 0.75;

    private readonly IReadOnlyList<int> checkpoints = AutoPgdCheckpoints.For(steps);

    public StrongestPoint Run(IAttackTarget target, AttackBatch batch, LinfBall ball, Tensor start)
    {
        var loss = AttackLosses.CrossEntropy(batch.Labels);
        var state = AttackStep.Advance<AutoPgdState>(null, _ => Initial(target, batch, ball, start, loss));
        var lastCheckpoint = 0;
        for (var k = 0; k < steps; k++)
        {
            var iteration = k + 1;
            var isCheckpoint = checkpoints.Contains(iteration);
            var interval = iteration - lastCheckpoint;
            state = AttackStep.Advance(state, current =>
            {
                var next = Step(current!, k, target, batch, ball, loss);
                return isCheckpoint ? AtCheckpoint(next, interval, batch) : next;
            });
            if (isCheckpoint)
                lastCheckpoint = iteration;
        }
        return state.Strongest;
    }

    private AutoPgdState Initial(IAttackTarget target, AttackBatch batch, LinfBall ball, Tensor start, PerSampleLoss loss)
    {
        var point = ball.Project(start);
        var at = InputGradient.Compute(target, batch, point, loss, eotSamples);
        var stepSize = batch.PerSample(full(batch.Size, 2 * ball.Radius, dtype: point.dtype, device: point.device));
        return new AutoPgdState(
            Point: point, Previous: point, Gradient: at.Gradient, Loss: at.Loss, StepSize: stepSize,
            BestPoint: point, BestLoss: at.Loss, BestGradient: at.Gradient,
            Increases: zeros_like(at.Loss), BestLossAtCheckpoint: at.Loss,
            HalvedAtCheckpoint: zeros(batch.Size, dtype: ScalarType.Bool, device: point.device),
            Strongest: StrongestPoint.At(batch, point, at.Loss, at.Logits));
    }

    private AutoPgdState Step(
        AutoPgdState state, int k, IAttackTarget target, AttackBatch batch, LinfBall ball, PerSampleLoss loss)
    {
        var x = state.Point;
        var z = ball.Project(x + state.Gradient.sign() * state.StepSize);
        var next = k == 0 ? z : ball.Project(x + (z - x).mul(Momentum) + (x - state.Previous).mul(1 - Momentum));

        Tensor nextLoss, logits, nextGradient;
        if (k == steps - 1)
        {
            // The last iterate is only judged, never stepped from: a forward pass suffices.
            (nextLoss, logits) = InputGradient.Evaluate(target, batch, next, loss, eotSamples);
            nextGradient = state.Gradient;
        }
        else
        {
            (nextLoss, logits, nextGradient) = InputGradient.Compute(target, batch, next, loss, eotSamples);
        }

        var improved = nextLoss.gt(state.BestLoss);
        var improvedInput = batch.PerSample(improved);
        return state with
        {
            Point = next,
            Previous = x,
            Gradient = nextGradient,
            Loss = nextLoss,
            BestPoint = where(improvedInput, next, state.BestPoint),
            BestLoss = where(improved, nextLoss, state.BestLoss),
            BestGradient = where(improvedInput, nextGradient, state.BestGradient),
            Increases = state.Increases + nextLoss.gt(state.Loss).to(state.Increases.dtype),
            Strongest = state.Strongest.Or(StrongestPoint.At(batch, next, nextLoss, logits), batch),
        };
    }

    private AutoPgdState AtCheckpoint(AutoPgdState state, int interval, AttackBatch batch)
    {
        var tooFewIncreases = state.Increases.lt(rho * interval);
        var stalled = state.HalvedAtCheckpoint.logical_not().logical_and(state.BestLoss.le(state.BestLossAtCheckpoint));
        var halve = tooFewIncreases.logical_or(stalled);
        var halveInput = batch.PerSample(halve);
        return state with
        {
            Point = where(halveInput, state.BestPoint, state.Point),
            Gradient = where(halveInput, state.BestGradient, state.Gradient),
            Loss = where(halve, state.BestLoss, state.Loss),
            StepSize = where(halveInput, state.StepSize * 0.5, state.StepSize),
            Increases = zeros_like(state.Increases),
            BestLossAtCheckpoint = state.BestLoss,
            HalvedAtCheckpoint = halve,
        };
    }
}
