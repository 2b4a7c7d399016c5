using Neuromorph.Abstractions;
using Neuromorph.Plugins.SelfDistillation;

namespace Neuromorph.Plugins.Weak2Strong;

/// <summary>Weak2Strong: the least confident timestep teaches the most confident one (method.md §3).</summary>
[Plugin("weak2strong", Description = "Temporal self-distillation: the least confident timestep teaches the most confident one.")]
internal sealed class Weak2StrongScheme(SelfDistillationOptions options, PluginContext context)
    : SelfDistillationScheme(options, context, DistillationDirection.WeakToStrong);
