using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>
/// A run's whole configuration, one record per TOML table, with every default filled in. Produced by
/// <see cref="ConfigurationLoader"/>, already validated.
/// </summary>
internal sealed record RunConfiguration(
    RunSection Run,
    DataSection Data,
    ModelSection Model,
    NeuronSection Neuron,
    OptimizerSection Optimizer,
    DistillationSection Distillation,
    CheckpointSection Checkpoint,
    PluginsSection Plugins,
    AdversarialTrainingSection AdversarialTraining,
    AttackSection Attack)
{
    /// <summary>The file it was read from, for messages; null for configurations made in code.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The configuration of an empty file: every key at its default.</summary>
    public static RunConfiguration Default { get; } =
        new(new(), new(), new(), new(), new(), new(), new(), new(), new(), new());

    /// <summary>The sections with their table names, in the order they are written.</summary>
    public IEnumerable<(string Name, object Section)> Sections =>
    [
        ("run", Run), ("data", Data), ("model", Model), ("neuron", Neuron), ("optimizer", Optimizer),
        ("distillation", Distillation), ("checkpoint", Checkpoint), ("plugins", Plugins),
        ("adversarial_training", AdversarialTraining), ("attack", Attack),
    ];

    /// <summary>
    /// The effective configuration as a TOML document: every key with its value in force, plugin option tables
    /// as given. Parsing it again gives an equal configuration. The host writes it to <c>&lt;run-dir&gt;/config.toml</c>.
    /// </summary>
    public string ToToml()
    {
        // One document per table, joined with blank lines for reading; together they form one valid document.
        var tables = Sections.Select(s => TomlText.Format(new TomlTable { [s.Name] = OptionsBinder.Render(s.Section) }));
        return "# Effective configuration: every key with the value the run used.\n\n" + string.Join("\n", tables);
    }
}
