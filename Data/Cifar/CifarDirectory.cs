using System.Diagnostics.CodeAnalysis;

namespace Neuromorph.Data.Cifar;

/// <summary>
/// Checks one folder for a CIFAR release: its files directly inside, or inside the folder the archive unpacks to
/// (<c>cifar-10-batches-bin/</c>, <c>cifar-100-binary/</c>), so <c>data.path</c> may name either.
/// </summary>
internal static class CifarDirectory
{
    /// <summary>True with the folder holding every file; otherwise false and what is missing.</summary>
    public static bool TryFind(string directory, CifarFormat format, [NotNullWhen(true)] out string? found, out string problem)
    {
        found = null;
        problem = "";
        if (!Directory.Exists(directory))
        {
            problem = "no such folder";
            return false;
        }
        var nested = Path.Combine(directory, format.Folder);
        foreach (var candidate in new[] { directory, nested })
        {
            if (Directory.Exists(candidate) && Missing(candidate, format).Count == 0)
            {
                found = candidate;
                return true;
            }
        }
        // Report on the nested folder when it exists (the files are expected there), else on the folder itself.
        var reported = Directory.Exists(nested) ? nested : directory;
        var missing = Missing(reported, format);
        problem = missing.Count == format.Files.Count()
            ? $"neither {format.Folder}/ nor its files"
            : $"{(reported == nested ? format.Folder + "/ is " : "")}missing {string.Join(", ", missing)}";
        return false;
    }

    private static IReadOnlyList<string> Missing(string directory, CifarFormat format) =>
        format.Files.Where(file => !File.Exists(Path.Combine(directory, file))).ToArray();
}
