namespace Neuromorph.Host.Plugins;

/// <summary>A plugin found in a plugin assembly: what it is called, what it is, and how to create it.</summary>
/// <param name="Name">The configuration name from <see cref="Neuromorph.Abstractions.PluginAttribute"/>.</param>
/// <param name="Kind">Which contract interface the plugin implements.</param>
/// <param name="Version">The assembly's informational version (else its file or assembly version).</param>
/// <param name="ContractVersion">
/// The version of <c>Neuromorph.Abstractions</c> the assembly references: the contract it was built against.
/// </param>
/// <param name="AssemblyPath">The full path of the plugin assembly file.</param>
/// <param name="ImplementationType">The plugin class (often internal to its assembly).</param>
/// <param name="OptionsType">
/// The options record the plugin's constructor takes, bound from the plugin's TOML table; null when the
/// constructor takes none.
/// </param>
/// <param name="Description">The one-line description from the attribute, if any.</param>
internal sealed record PluginDescriptor(
    string Name,
    PluginKind Kind,
    string Version,
    Version ContractVersion,
    string AssemblyPath,
    Type ImplementationType,
    Type? OptionsType,
    string? Description);
