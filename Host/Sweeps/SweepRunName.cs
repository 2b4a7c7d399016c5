using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tomlyn.Model;

namespace Neuromorph.Host.Sweeps;

/// <summary>
/// Names a sweep's run from its overrides, readable and safe as a directory name: <c>scheme=strong2weak,seed=3</c>.
/// A key is shortened to its last segment unless two of the sweep's keys share it; characters other than letters,
/// digits and <c>. _ - + =</c> become <c>_</c>; a name longer than 120 characters is cut and ends with a hash of the
/// whole, so it stays unique.
/// </summary>
internal static class SweepRunName
{
    private const int MaxLength = 120;

    /// <summary>Whether <paramref name="name"/> may name a directory as it is.</summary>
    public static bool IsSafe(string name) =>
        name.Length > 0 && name is not ("." or "..") && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>The short form of each key of <paramref name="keys"/>: its last segment, or the whole key when that is ambiguous.</summary>
    public static IReadOnlyDictionary<string, string> ShortKeys(IEnumerable<string> keys)
    {
        var distinct = keys.Distinct().ToArray();
        var lastSegments = distinct.GroupBy(Last).ToDictionary(g => g.Key, g => g.Count());
        return distinct.ToDictionary(k => k, k => lastSegments[Last(k)] == 1 ? Last(k) : k);
    }

    /// <summary>The name of a run with <paramref name="overrides"/>, given the sweep's <paramref name="shortKeys"/>.</summary>
    public static string For(IEnumerable<SweepOverride> overrides, IReadOnlyDictionary<string, string> shortKeys)
    {
        var name = string.Join(',', overrides.Select(o => $"{shortKeys[o.Key]}={Value(o.Value)}"));
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or '=' or ',' ? c : '_').ToArray());
        if (safe.Length == 0) return "base";
        if (safe.Length <= MaxLength) return safe;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..10];
        return $"{safe[..(MaxLength - 11)]}~{hash}";
    }

    private static string Last(string key) => key[(key.LastIndexOf('.') + 1)..];

    private static string Value(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture).ToLowerInvariant(),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        TomlArray array => string.Join('-', array.Select(v => Value(v!))),
        _ => value.ToString() ?? "",
    };
}
