using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Neuromorph.Plugins.SelfDistillation;

/// <summary>
/// The timesteps' distributions at temperature α, q(t) = softmax(o(t)/α), kept as log-probabilities
/// (log_softmax, for numerical stability), and the batch-mean KL divergence between them.
/// </summary>
internal sealed class SoftenedDistributions
{
    private readonly Tensor logits;
    private readonly Tensor logProbabilities;
    private readonly double temperature;
    private readonly EnsembleAveraging averaging;
    private readonly bool detachTeacher;

    /// <param name="logits">o, <c>[T, B, M]</c>.</param>
    /// <param name="temperature">α &gt; 0.</param>
    /// <param name="averaging">What an ensemble of timesteps averages.</param>
    /// <param name="detachTeacher">Whether the teacher's side of every KL is cut from the gradient.</param>
    public SoftenedDistributions(Tensor logits, double temperature, EnsembleAveraging averaging, bool detachTeacher)
    {
        this.logits = logits;
        this.temperature = temperature;
        this.averaging = averaging;
        this.detachTeacher = detachTeacher;
        logProbabilities = log_softmax(logits / temperature, -1);
    }

    /// <summary>log q(t), <c>[B, M]</c>.</summary>
    public Tensor Of(int timestep) => logProbabilities[timestep];

    /// <summary>
    /// The log-distribution of the ensemble of <paramref name="timesteps"/>: log softmax(mean_t o(t) / α) over
    /// logits, or log mean_t q(t) (as a logsumexp) over probabilities.
    /// </summary>
    public Tensor OfEnsemble(IReadOnlyList<int> timesteps)
    {
        using var indices = tensor(timesteps.Select(t => (long)t).ToArray(), device: logits.device);
        return averaging switch
        {
            EnsembleAveraging.Logits => log_softmax(logits.index_select(0, indices).mean([0]) / temperature, -1),
            EnsembleAveraging.Probabilities =>
                logProbabilities.index_select(0, indices).logsumexp(0, keepdim: false) - Math.Log(timesteps.Count),
            _ => throw new InvalidOperationException($"Unknown ensemble averaging {averaging}."),
        };
    }

    /// <summary>
    /// KL(P‖Q) = Σ_c P_c (log P_c − log Q_c), summed over classes and averaged over the batch, for the teacher
    /// P and the student Q given as log-distributions <c>[B, M]</c>.
    /// </summary>
    public Tensor Divergence(Tensor teacher, Tensor student)
    {
        var fixedTeacher = detachTeacher ? teacher.detach() : teacher;
        return (fixedTeacher.exp() * (fixedTeacher - student)).sum() / teacher.shape[0];
    }
}
