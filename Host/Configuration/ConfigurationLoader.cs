using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>
/// Reads a run configuration: parses the TOML file, applies <c>--set</c> overrides, rejects unknown keys,
/// binds the tables to their records with defaults filled in, resolves plugin directories, and validates.
/// </summary>
internal static class ConfigurationLoader
{
    /// <summary>Loads the configuration file at <paramref name="path"/> with <paramref name="sets"/> applied.</summary>
    /// <exception cref="ConfigurationException">The file is missing or a directory, or anything in it or in the overrides is invalid.</exception>
    public static RunConfiguration Load(string path, IReadOnlyList<string> sets)
    {
        if (Directory.Exists(path))
        {
            // A run directory holds the configuration it ran with.
            var runConfig = new Engine.Training.RunDirectory(path).ConfigPath;
            throw new ConfigurationException(File.Exists(runConfig)
                ? $"config file '{path}' is a directory, not a TOML file: did you mean '{runConfig}'?"
                : $"config file '{path}' is a directory, not a TOML file: give the path of a .toml file.");
        }
        if (!File.Exists(path))
            throw new ConfigurationException($"config file '{path}' not found.");
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        return Parse(File.ReadAllText(path), path, sets, folder) with { SourcePath = path };
    }

    /// <summary>
    /// Reads configuration text. <paramref name="sourceName"/> names it in messages; relative plugin
    /// directories are resolved against <paramref name="baseDirectory"/> (by default the current directory).
    /// </summary>
    /// <exception cref="ConfigurationException">Anything in the text or in the overrides is invalid.</exception>
    public static RunConfiguration Parse(
        string text, string sourceName, IReadOnlyList<string> sets, string? baseDirectory = null)
    {
        var overrides = sets.Select(SetOverride.Parse).ToArray();
        var document = TomlText.Parse(text, sourceName);
        foreach (var setOverride in overrides)
            setOverride.ApplyTo(document);

        RunConfiguration configuration;
        try
        {
            ConfigurationSchema.Check(document);
            configuration = Bind(document);
        }
        catch (ConfigurationException exception)
        {
            throw new ConfigurationException($"{sourceName}: {exception.Message}", exception);
        }

        var problems = ConfigurationValidator.Problems(configuration);
        if (problems.Count == 1)
            throw new ConfigurationException($"{sourceName}: {problems[0]}");
        if (problems.Count > 1)
            throw new ConfigurationException(
                $"{sourceName}: {problems.Count} invalid values:{string.Concat(problems.Select(p => $"\n  - {p}"))}");

        var folder = baseDirectory ?? Directory.GetCurrentDirectory();
        var directories = configuration.Plugins.Directories
            .Select(d => System.IO.Path.GetFullPath(d, folder))
            .ToArray();
        var dataPath = string.IsNullOrWhiteSpace(configuration.Data.Path)
            ? configuration.Data.Path
            : System.IO.Path.GetFullPath(configuration.Data.Path, folder);
        return configuration with
        {
            Plugins = configuration.Plugins with { Directories = directories },
            Data = configuration.Data with { Path = dataPath, Events = WithFullCacheDir(configuration.Data.Events, folder) },
        };
    }

    /// <summary>The <c>[data.events]</c> table with a relative <c>cache_dir</c> resolved against <paramref name="folder"/>.</summary>
    private static TomlTable? WithFullCacheDir(TomlTable? events, string folder)
    {
        if (events is null || !events.TryGetValue(EventsSection.CacheDirKey, out var value) || value is not string { Length: > 0 } cacheDir)
            return events;
        var resolved = OptionValueWriter.CopyTable(events);
        resolved[EventsSection.CacheDirKey] = System.IO.Path.GetFullPath(cacheDir, folder);
        return resolved;
    }

    private static RunConfiguration Bind(TomlTable document)
    {
        T Section<T>(string name) where T : notnull =>
            OptionsBinder.Bind<T>(document.TryGetValue(name, out var table) ? (TomlTable)table : null, name);

        return new RunConfiguration(
            Section<RunSection>("run"),
            Section<DataSection>("data"),
            Section<ModelSection>("model"),
            Section<NeuronSection>("neuron"),
            Section<OptimizerSection>("optimizer"),
            Section<DistillationSection>("distillation"),
            Section<CheckpointSection>("checkpoint"),
            Section<PluginsSection>("plugins"),
            Section<AdversarialTrainingSection>("adversarial_training"),
            Section<AttackSection>("attack"));
    }
}
