using System.Diagnostics.CodeAnalysis;

namespace Neuromorph.Data;

/// <summary>Checks one folder for the four files of an MNIST-format dataset (each plain or <c>.gz</c>).</summary>
internal static class DatasetDirectory
{
    /// <summary>True with the files when all four are present; otherwise false and what is missing.</summary>
    public static bool TryFind(string directory, [NotNullWhen(true)] out DatasetFiles? files, out string problem)
    {
        files = null;
        problem = "";
        if (!Directory.Exists(directory))
        {
            problem = "no such folder";
            return false;
        }
        var found = DatasetCatalog.FileNames.Select(name => Find(directory, name)).ToArray();
        var missing = DatasetCatalog.FileNames.Where((_, i) => found[i] is null).ToArray();
        if (missing.Length > 0)
        {
            problem = missing.Length == found.Length
                ? "none of the four files"
                : $"missing {string.Join(", ", missing)} (with or without .gz)";
            return false;
        }
        files = new DatasetFiles(directory, found[0]!, found[1]!, found[2]!, found[3]!);
        return true;
    }

    private static string? Find(string directory, string name)
    {
        var compressed = Path.Combine(directory, name + ".gz");
        if (File.Exists(compressed))
            return compressed;
        var plain = Path.Combine(directory, name);
        return File.Exists(plain) ? plain : null;
    }
}
