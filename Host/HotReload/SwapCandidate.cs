using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.HotReload;

/// <summary>A new instance made for a slot, and the plugin version it was created from.</summary>
internal sealed record SwapCandidate(PluginSlot Slot, PluginDescriptor Version, object Instance);
