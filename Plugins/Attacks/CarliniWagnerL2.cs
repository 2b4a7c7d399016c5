using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// Carlini-Wagner L2 (2017), untargeted: minimises ‖x' − x‖₂² + c·max(Z_y − max_{i≠y} Z_i, −κ) over the tanh-space
/// variable of <see cref="TanhSpace"/> with Adam (β = 0.9, 0.999), Z the time-averaged logits. Per sample it returns
/// the successful point (wrong class ahead by more than κ) with the smallest L2 distance among all iterates, else
/// the last iterate. There is no binary search over c: the protocol fixes c.
/// </summary>
[Plugin("cw", Description = "Carlini-Wagner L2: Adam in tanh space on squared L2 distance + c * margin loss; returns the closest successful point.")]
internal sealed class CarliniWagnerL2 : IAdversarialAttack
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double AdamEpsilon = 1e-8;

    private readonly double c;
    private readonly double kappa;
    private readonly int steps;
    private readonly double learningRate;
    private readonly double maxL2;
    private readonly int eotSamples;

    public CarliniWagnerL2(CwOptions options)
    {
        c = OptionChecks.Positive(options.C, "c", "the weight of the margin term");
        kappa = OptionChecks.NonNegative(options.Kappa, "kappa", "the confidence margin");
        steps = OptionChecks.AtLeastOne(options.Steps, "steps", "the number of Adam steps");
        learningRate = OptionChecks.Positive(options.LearningRate, "learning_rate", "Adam's step size in tanh space");
        maxL2 = OptionChecks.NonNegative(options.MaxL2, "max_l2", "the L2 bound per sample; 0 for none");
        eotSamples = OptionChecks.EotSamples(options.EotSamples);
    }

    /// <summary>
    /// L2: the distance cw minimises, and what <c>max_l2</c> bounds. That option is not called <c>epsilon</c> because 0
    /// means unbounded, so ε sweeps leave cw alone and its worst case is its own.
    /// </summary>
    public PerturbationNorm Norm => PerturbationNorm.L2;

    public Tensor Perturb(IAttackTarget target, Tensor inputs, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(target);
        return AttackScope.Run(inputs, labels, batch =>
        {
            var space = new TanhSpace(batch.Inputs, maxL2);
            var objective = Objective(batch);
            var state = AttackStep.Advance<CwState>(null, _ => CwState.Initial(space, batch));
            for (var step = 1; step <= steps; step++)
            {
                var t = step;
                state = AttackStep.Advance(state, current => Step(current!, t, target, batch, space, objective));
            }
            state = AttackStep.Advance(state, current =>
            {
                var last = space.Point(current!.W);
                var (_, logits) = InputGradient.Evaluate(target, batch, last, objective, eotSamples);
                return Track(current, last, logits, batch);
            });
            return where(batch.PerSample(state.Found), state.Best, state.Last);
        });
    }

    private CwState Step(CwState state, int t, IAttackTarget target, AttackBatch batch, TanhSpace space, PerSampleLoss objective)
    {
        Tensor point, gradient;
        LossGradient at;
        using (enable_grad())
        {
            var w = state.W.detach().requires_grad_(true);
            point = space.Point(w);
            at = InputGradient.Compute(target, batch, point.detach(), objective, eotSamples);
            // The chain rule back to w: the vector-Jacobian product of the tanh-space map with ∂loss/∂x'.
            gradient = autograd.grad([point], [w], [at.Gradient])[0].detach();
        }
        var tracked = Track(state, point.detach(), at.Logits, batch);

        var firstMoment = state.FirstMoment.mul(Beta1) + gradient.mul(1 - Beta1);
        var secondMoment = state.SecondMoment.mul(Beta2) + gradient.square().mul(1 - Beta2);
        var correctedFirst = firstMoment / (1 - Math.Pow(Beta1, t));
        var correctedSecond = secondMoment / (1 - Math.Pow(Beta2, t));
        var w1 = state.W - correctedFirst.mul(learningRate) / (correctedSecond.sqrt() + AdamEpsilon);
        return tracked with { W = w1, FirstMoment = firstMoment, SecondMoment = secondMoment };
    }

    /// <summary>Records <paramref name="point"/> as the last iterate, and as the best one where it succeeds closer.</summary>
    private CwState Track(CwState state, Tensor point, Tensor logits, AttackBatch batch)
    {
        var succeeds = Margin(logits, batch.Labels).lt(-kappa);
        var distance = TanhSpace.L2Norm(point - batch.Inputs);
        var better = succeeds.logical_and(distance.lt(state.BestDistance));
        return state with
        {
            Last = point,
            Best = where(batch.PerSample(better), point, state.Best),
            BestDistance = where(better, distance, state.BestDistance),
            Found = state.Found.logical_or(better),
        };
    }

    private PerSampleLoss Objective(AttackBatch batch) => (points, logits) =>
        (points - batch.Inputs).flatten(1).square().sum(1) + Margin(logits, batch.Labels).clamp_min(-kappa).mul(c);

    /// <summary>Z_y − max_{i≠y} Z_i per sample: negative when a wrong class leads.</summary>
    private static Tensor Margin(Tensor logits, Tensor labels)
    {
        if (logits.shape[1] < 2)
            throw new ArgumentException($"The cw attack needs logits of at least 2 classes; got M = {logits.shape[1]}.");
        var own = logits.gather(1, labels.unsqueeze(1)).squeeze(1);
        var isOwn = nn.functional.one_hot(labels, logits.shape[1]).to(ScalarType.Bool);
        var strongestOther = logits.masked_fill(isOwn, double.NegativeInfinity).amax([1]);
        return own - strongestOther;
    }

    private sealed record CwState(
        Tensor W, Tensor FirstMoment, Tensor SecondMoment, Tensor Last, Tensor Best, Tensor BestDistance, Tensor Found)
        : IAttackState
    {
        public IEnumerable<Tensor> Tensors => [W, FirstMoment, SecondMoment, Last, Best, BestDistance, Found];

        public static CwState Initial(TanhSpace space, AttackBatch batch)
        {
            var w = space.Start.clone();
            var start = space.Point(w);
            return new CwState(
                w, zeros_like(w), zeros_like(w), start, start,
                full(batch.Size, double.PositiveInfinity, dtype: start.dtype, device: start.device),
                zeros(batch.Size, dtype: ScalarType.Bool, device: start.device));
        }
    }
}
