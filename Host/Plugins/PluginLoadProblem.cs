namespace Neuromorph.Host.Plugins;

/// <summary>
/// A plugin assembly, or a type in one, that the catalog skipped, and why. The host reports these as
/// warnings; they only become errors when a run asks for a plugin that is therefore missing.
/// </summary>
/// <param name="AssemblyName">The assembly's file name without extension.</param>
/// <param name="AssemblyPath">The full path of the assembly file.</param>
/// <param name="Reason">What is wrong and, where possible, how to fix it.</param>
/// <param name="PluginName">The <c>[Plugin]</c> name of the type skipped; null when the whole assembly was.</param>
internal sealed record PluginLoadProblem(string AssemblyName, string AssemblyPath, string Reason, string? PluginName = null)
{
    /// <summary>The problem as one line: name, file and reason.</summary>
    public override string ToString() => $"{AssemblyName} ({AssemblyPath}): {Reason}";
}
