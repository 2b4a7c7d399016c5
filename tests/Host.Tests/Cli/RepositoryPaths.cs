namespace Neuromorph.Host.Tests.Cli;

/// <summary>Finds files of the repository the tests were built from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Config(string name) => Path.Combine(Root, "config", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Neuromorph.sln"))) return directory.FullName;
        throw new InvalidOperationException("The tests must run from inside the Neuromorph repository.");
    }
}
