using Neuromorph.Abstractions;
using Neuromorph.Plugins.SelfDistillation;

namespace Neuromorph.Plugins.Strong2Weak;

/// <summary>Strong2Weak: the most confident timestep teaches the least confident one (method.md §3).</summary>
[Plugin("strong2weak", Description = "Temporal self-distillation: the most confident timestep teaches the least confident one.")]
internal sealed class Strong2WeakScheme(SelfDistillationOptions options, PluginContext context)
    : SelfDistillationScheme(options, context, DistillationDirection.StrongToWeak);
