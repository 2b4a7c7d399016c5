namespace Neuromorph.Host.Plugins;

/// <summary>
/// The plugin assemblies and types a catalog skipped, one <c>skipped: name (file): reason</c> line each, as
/// <c>plugins</c> lists them and <c>train</c> reports them before it starts: a plugin that is silently missing is
/// found only when a run asks for it.
/// </summary>
internal static class PluginProblemsReport
{
    public static void Write(PluginCatalog catalog, TextWriter output)
    {
        foreach (var problem in catalog.Problems)
            output.WriteLine($"skipped: {problem}");
    }
}
