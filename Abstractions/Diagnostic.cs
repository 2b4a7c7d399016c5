namespace Neuromorph.Abstractions;

/// <summary>How the host folds one diagnostic's per-iteration values into an epoch's figure.</summary>
public enum DiagnosticAggregation
{
    /// <summary>Element-wise mean over the epoch's iterations (e.g. a loss or a confidence).</summary>
    Mean,

    /// <summary>Element-wise sum over the epoch's iterations (e.g. how often a timestep was chosen).</summary>
    Sum,
}

/// <summary>One named diagnostic value of an iteration: a scalar (length 1) or a vector (e.g. length T).</summary>
/// <param name="Values">The values for this iteration.</param>
/// <param name="Aggregation">How values are folded over an epoch.</param>
public sealed record Diagnostic(double[] Values, DiagnosticAggregation Aggregation = DiagnosticAggregation.Mean)
{
    /// <summary>A scalar diagnostic averaged over the epoch.</summary>
    public static Diagnostic Scalar(double value) => new([value]);
}
