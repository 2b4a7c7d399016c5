using Neuromorph.Host.Configuration;
using Tomlyn.Model;

namespace Neuromorph.Host.Sweeps;

/// <summary>
/// A sweep file as written: which run configuration it starts from, the overrides every run gets (<c>[set]</c>), the
/// grid whose Cartesian product makes the runs (<c>[grid]</c>, and <c>[[runs]]</c> entries as one more axis), the
/// group the others are compared with (<c>baseline</c>), commands run after training (<c>[[after]]</c>) and the
/// Slurm resources (<c>[slurm]</c>). <see cref="SweepExpansion"/> turns it into runs.
/// </summary>
internal sealed record SweepFile(
    string Path,
    string Name,
    string BasePath,
    IReadOnlyList<SweepOverride> Baseline,
    IReadOnlyList<SweepOverride> Set,
    IReadOnlyList<GridAxis> Grid,
    IReadOnlyList<IReadOnlyList<SweepOverride>> Entries,
    IReadOnlyList<AfterStep> After,
    SlurmSection Slurm)
{
    private static readonly string[] Tables = ["sweep", "set", "grid", "runs", "after", "slurm"];
    private static readonly string[] SweepKeys = ["name", "base", "baseline", "description"];

    /// <summary>Reads and checks the sweep file at <paramref name="path"/> (not yet the runs' configurations).</summary>
    /// <exception cref="ConfigurationException">The file is missing, not TOML, or something in it is malformed.</exception>
    public static SweepFile Load(string path)
    {
        if (Directory.Exists(path))
            throw new ConfigurationException(File.Exists(System.IO.Path.Combine(path, SweepDirectory.SweepFileName))
                ? $"sweep file '{path}' is a directory: did you mean '{System.IO.Path.Combine(path, SweepDirectory.SweepFileName)}'?"
                : $"sweep file '{path}' is a directory, not a TOML file: give the path of a sweep .toml file.");
        if (!File.Exists(path))
            throw new ConfigurationException($"sweep file '{path}' not found.");
        var fullPath = System.IO.Path.GetFullPath(path);
        var document = TomlText.Parse(File.ReadAllText(fullPath), path);
        try
        {
            return Read(document, fullPath);
        }
        catch (ConfigurationException e)
        {
            throw new ConfigurationException($"{path}: {e.Message}", e);
        }
    }

    private static SweepFile Read(TomlTable document, string fullPath)
    {
        foreach (var key in document.Keys.Where(k => !Tables.Contains(k)))
            throw Unknown(key, Tables, "a table");
        var sweep = Table(document, "sweep") ?? throw new ConfigurationException(
            "there is no [sweep] table: a sweep file starts with [sweep] name = \"...\" and base = \"run.toml\".");
        foreach (var key in sweep.Keys.Where(k => !SweepKeys.Contains(k)))
            throw Unknown("sweep." + key, SweepKeys.Select(k => "sweep." + k).ToArray(), "a key");

        var name = Text(sweep, "name");
        if (!SweepRunName.IsSafe(name))
            throw new ConfigurationException(
                $"sweep.name = \"{name}\": use letters, digits, '.', '_' and '-' only (it names the sweep's directory).");
        var baseText = Text(sweep, "base");
        var basePath = System.IO.Path.GetFullPath(baseText, System.IO.Path.GetDirectoryName(fullPath)!);
        if (!File.Exists(basePath))
            throw new ConfigurationException(Directory.Exists(basePath)
                ? $"sweep.base = \"{baseText}\" is a directory ('{basePath}'), not a run configuration file."
                : $"sweep.base = \"{baseText}\": no file '{basePath}' (a relative base is read from the sweep file's folder).");

        var baseline = sweep.TryGetValue("baseline", out var b)
            ? Overrides(b as TomlTable ?? throw new ConfigurationException(
                $"sweep.baseline is {OptionTypeNames.Found(b)}: write it as a table of keys, e.g. baseline = {{ \"distillation.scheme\" = \"none\" }}."), "sweep.baseline")
            : [];
        var set = Overrides(Table(document, "set"), "set");
        var grid = Overrides(Table(document, "grid"), "grid").Select(Axis).ToArray();
        var entries = TableArray(document, "runs").Select((entry, i) => Overrides(entry, $"runs[{i + 1}]")).ToArray();
        if (grid.Length == 0 && entries.Length == 0)
            throw new ConfigurationException(
                "the grid is empty: add a [grid] table (e.g. \"run.seed\" = [0, 1, 2]) or [[runs]] entries, or train the base file with 'train'.");
        var after = TableArray(document, "after").Select((entry, i) => ReadAfter(entry, i + 1)).ToArray();
        var slurm = OptionsBinder.Bind<SlurmSection>(Table(document, "slurm"), "slurm");
        if (slurm.MaxConcurrent < 0 || slurm.CpusPerTask < 0 || slurm.SignalSeconds < 0)
            throw new ConfigurationException("slurm.max_concurrent, slurm.cpus_per_task and slurm.signal_seconds must be 0 or more.");
        return new SweepFile(fullPath, name, basePath, baseline, set, grid, entries, after, slurm);
    }

    private static GridAxis Axis(SweepOverride axis)
    {
        if (axis.Value is not TomlArray { Count: > 0 } values)
            throw new ConfigurationException(axis.Value is TomlArray
                ? $"grid: \"{axis.Key}\" = [] is empty: give it at least one value."
                : $"grid: \"{axis.Key}\" = {axis.ValueText} is not a list: a grid key takes the list of values to try, e.g. [{axis.ValueText}].");
        return new GridAxis(axis.Key, values.Select(v => v!).ToArray());
    }

    private static AfterStep ReadAfter(TomlTable entry, int number)
    {
        var where = $"after[{number}]";
        foreach (var key in entry.Keys.Where(k => k is not ("command" or "args")))
            throw Unknown($"{where}.{key}", [$"{where}.command", $"{where}.args"], "a key");
        var command = Text(entry, "command", where);
        if (!AfterStep.Commands.Contains(command))
            throw new ConfigurationException(
                $"{where}.command = \"{command}\": an after-step runs one of {string.Join(", ", AfterStep.Commands)} on each trained run.");
        IReadOnlyList<string> args = [];
        if (entry.TryGetValue("args", out var value))
            args = value is TomlArray array && array.All(a => a is string)
                ? array.Cast<string>().ToArray()
                : throw new ConfigurationException($"{where}.args must be a list of strings, e.g. [\"--early-exit\", \"0.9\"].");
        var step = new AfterStep(command, args);
        var problems = Cli.CommandLine.Problems(step.CommandLine("run"));
        if (problems.Count > 0)
            throw new ConfigurationException($"{where}: '{step}' is not a valid {command} command line: {string.Join(" ", problems)}");
        return step;
    }

    /// <summary>The leaves of <paramref name="table"/> as dotted keys: quoted (<c>"run.seed" = 1</c>) and nested keys alike.</summary>
    private static IReadOnlyList<SweepOverride> Overrides(TomlTable? table, string where)
    {
        var overrides = new List<SweepOverride>();
        void Walk(TomlTable node, string prefix)
        {
            foreach (var (key, value) in node)
            {
                var dotted = prefix.Length == 0 ? key : $"{prefix}.{key}";
                if (value is TomlTable nested) Walk(nested, dotted);
                else overrides.Add(new SweepOverride(dotted, value));
            }
        }
        if (table is not null) Walk(table, "");
        foreach (var item in overrides)
        {
            var segments = item.Key.Split('.');
            if (segments.Length < 2 || segments.Any(s => s.Length == 0))
                throw new ConfigurationException(
                    $"{where}: '{item.Key}' is not a configuration key: use the dotted keys --set takes, like \"run.seed\" or \"distillation.scheme\".");
            if (item.Value is TomlTableArray)
                throw new ConfigurationException($"{where}: '{item.Key}' is an array of tables, which no configuration key takes.");
        }
        return overrides;
    }

    private static TomlTable? Table(TomlTable document, string name) =>
        !document.TryGetValue(name, out var value) ? null
        : value as TomlTable ?? throw new ConfigurationException($"'{name}' must be a table ([{name}]), not {OptionTypeNames.Found(value)}.");

    private static IEnumerable<TomlTable> TableArray(TomlTable document, string name) =>
        !document.TryGetValue(name, out var value) ? []
        : value as TomlTableArray ?? throw new ConfigurationException($"'{name}' must be an array of tables ([[{name}]] entries), not {OptionTypeNames.Found(value)}.");

    private static string Text(TomlTable table, string key, string where = "sweep") =>
        !table.TryGetValue(key, out var value) ? throw new ConfigurationException($"{where}.{key} is missing.")
        : value is string { Length: > 0 } text ? text
        : throw new ConfigurationException($"{where}.{key} must be a non-empty string, not {OptionTypeNames.Found(value)}.");

    private static ConfigurationException Unknown(string key, IReadOnlyList<string> valid, string what)
    {
        var nearest = NearestKey.Find(key, valid);
        return new ConfigurationException(
            $"'{key}' is not {what} of a sweep file{(nearest is null ? "" : $": did you mean '{nearest}'?")} Valid: {string.Join(", ", valid)}.");
    }
}

/// <summary>One key of <c>[grid]</c> and the values tried for it.</summary>
internal sealed record GridAxis(string Key, IReadOnlyList<object> Values);
