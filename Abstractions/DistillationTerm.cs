using TorchSharp;

namespace Neuromorph.Abstractions;

/// <summary>What a distillation scheme adds to the objective for one iteration.</summary>
/// <param name="Loss">A scalar tensor added to the cross-entropy loss (already weighted by the scheme).</param>
/// <param name="Diagnostics">Named figures for the run's metrics, for example the per-timestep confidence.</param>
public sealed record DistillationTerm(torch.Tensor Loss, IReadOnlyDictionary<string, Diagnostic> Diagnostics);
