using Neuromorph.Engine.Training;

namespace Neuromorph.Host.HotReload;

/// <summary>How one swap attempt ended, as <see cref="PluginHotReload.SwapFinished"/> reports it.</summary>
/// <param name="Records">One record per plugin of the assembly, as written to <c>metrics.jsonl</c>.</param>
/// <param name="UnloadedContext">
/// The load context the outcome unloaded (the old version's when applied, the new one's when refused after it
/// was loaded), held weakly so whoever listens can check that it is collected; null when nothing was loaded.
/// </param>
internal sealed record PluginSwapOutcome(IReadOnlyList<PluginReload> Records, WeakReference? UnloadedContext);
