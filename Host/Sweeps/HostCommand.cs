namespace Neuromorph.Host.Sweeps;

/// <summary>
/// How to start this Neuromorph host as another process (a sweep's task): its native launcher beside the assembly when
/// there is one, else <c>dotnet Neuromorph.Host.dll</c>. Paths are absolute, so a cluster node sharing the filesystem
/// starts the same build.
/// </summary>
internal static class HostCommand
{
    /// <summary>The program and the arguments before the command's own, e.g. <c>[/opt/neuromorph/Neuromorph.Host]</c>.</summary>
    public static IReadOnlyList<string> Current()
    {
        var assembly = typeof(HostCommand).Assembly.Location;
        var folder = Path.GetDirectoryName(assembly)!;
        var launcher = Path.Combine(folder, OperatingSystem.IsWindows() ? "Neuromorph.Host.exe" : "Neuromorph.Host");
        if (File.Exists(launcher)) return [launcher];
        var process = Environment.ProcessPath;
        var dotnet = process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet";
        return [dotnet, assembly];
    }
}
