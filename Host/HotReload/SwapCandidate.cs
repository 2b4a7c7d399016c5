using Neuromorph.Host.Configuration;
using Neuromorph.Abstractions;
using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.HotReload;

/// <summary>A new instance made for a slot, and the plugin version it was created from.</summary>
internal sealed record SwapCandidate(PluginSlot Slot, PluginDescriptor Version, object Instance)
{
    /// <summary>
    /// Whether the instance in use can take over from it. Not for a neuron version that declares other learnable
    /// parameters: the two cannot run on the same parameters, so it stands as itself, checked by the probe alone.
    /// </summary>
    public bool CanFallBack => Slot.Kind != PluginKind.Neuron
        || ((INeuronModel)Instance).Parameters.SequenceEqual(((INeuronModel)Slot.Instance).Parameters);

    /// <summary>
    /// Creates the new version of <paramref name="slot"/>'s plugin from <paramref name="scan"/> with the slot's options,
    /// adds it to <paramref name="candidates"/> and probes it; returns why it cannot be used, or null.
    /// </summary>
    public static string? TryCreate(PluginSlot slot, PluginAssemblyScan scan, List<SwapCandidate> candidates)
    {
        var version = scan.Descriptors.FirstOrDefault(d => d.Kind == slot.Kind && d.Name == slot.Name);
        if (version is null)
        {
            var skipped = scan.Problems.Count == 0 ? "" : " (skipped: " + string.Join("; ", scan.Problems.Select(p => p.Reason)) + ")";
            return $"the new version has no {slot.Describe()}{skipped}.";
        }
        object instance;
        try
        {
            instance = slot.Create(version);
        }
        catch (ConfigurationException e)
        {
            return $"its options do not bind: {e.Message}";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"its constructor threw {e.GetType().Name}: {e.Message}";
        }
        candidates.Add(new SwapCandidate(slot, version, instance));
        try
        {
            PluginProbe.Check(slot.Kind, instance, slot.Context);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"it failed its probe on random inputs: {e.GetType().Name}: {e.Message}";
        }
    }
}
