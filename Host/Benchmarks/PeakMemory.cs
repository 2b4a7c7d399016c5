using System.Globalization;

namespace Neuromorph.Host.Benchmarks;

/// <summary>The process's peak resident memory, the high-water mark Linux keeps (<c>VmHWM</c> in <c>/proc/self/status</c>).</summary>
internal static class PeakMemory
{
    private const string StatusFile = "/proc/self/status";

    /// <summary>The peak resident set size so far in MiB, or null where <c>/proc</c> does not report it.</summary>
    public static double? ResidentMegabytes() =>
        File.Exists(StatusFile) ? FromStatus(File.ReadLines(StatusFile)) : null;

    /// <summary>Reads the <c>VmHWM: 123456 kB</c> line of a status file (fields separated by tabs and spaces), in MiB; null without one.</summary>
    public static double? FromStatus(IEnumerable<string> statusLines)
    {
        foreach (var line in statusLines)
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var fields = line["VmHWM:".Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 2 && fields[1] == "kB" && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes))
                return kilobytes / 1024.0;
        }
        return null;
    }
}
