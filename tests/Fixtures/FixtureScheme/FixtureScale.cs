using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Fixtures.FixtureScheme;

/// <summary>
/// A test scheme whose loss is easy to check by hand: <c>Factor · mean(logits)</c>. It also reports its build's
/// revision, so a run can tell which version computed an iteration, and can carry a deliberate fault
/// (<see cref="FixtureBuild"/>).
/// </summary>
[Plugin("fixture-scale", Description = "Test fixture: the mean logit times a factor.")]
internal sealed class FixtureScale : IDistillationScheme
{
    /// <summary>The diagnostic holding the unweighted mean logit.</summary>
    public const string MeanLogitKey = "mean_logit";

    /// <summary>The diagnostic holding the build's revision.</summary>
    public const string RevisionKey = "revision";

    private readonly FixtureScaleOptions options;
    private readonly PluginContext context;
    private int calls;

    public FixtureScale(FixtureScaleOptions options, PluginContext context)
    {
        FixtureBuild.ConstructorFault("fixture-scale");
        if (!double.IsFinite(options.Factor))
            throw new PluginOptionsException("factor", $"factor must be a finite number, got {options.Factor}.");
        this.options = options;
        this.context = context;
    }

    public DistillationTerm Compute(torch.Tensor timestepLogits, torch.Tensor? labels)
    {
        FixtureBuild.CallFault("fixture-scale", ++calls);
        if (timestepLogits.dim() != 3 || timestepLogits.shape[0] != context.Timesteps)
        {
            throw new ArgumentException(
                $"Expected logits [T={context.Timesteps}, B, M], got [{string.Join(", ", timestepLogits.shape)}].",
                nameof(timestepLogits));
        }
        var mean = timestepLogits.mean();
        var loss = mean * options.Factor;
        var diagnostics = new Dictionary<string, Diagnostic>
        {
            [MeanLogitKey] = Diagnostic.Scalar(mean.item<float>()),
            [RevisionKey] = Diagnostic.Scalar(FixtureBuild.Revision),
        };
        return new DistillationTerm(loss, diagnostics);
    }
}
