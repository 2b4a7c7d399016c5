using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>
/// The tables and keys a run configuration may contain. Checks a parsed document for unknown tables and keys
/// before binding, so a mistyped key is reported with the nearest valid key from any table
/// (<c>[run] batch_size</c> → <c>data.batch_size</c>).
/// </summary>
internal static class ConfigurationSchema
{
    /// <summary>The top-level tables and the records they bind to, in the order they are written.</summary>
    public static IReadOnlyList<(string Name, Type Type)> Tables { get; } =
    [
        ("run", typeof(RunSection)), ("data", typeof(DataSection)), ("model", typeof(ModelSection)),
        ("neuron", typeof(NeuronSection)), ("optimizer", typeof(OptimizerSection)),
        ("distillation", typeof(DistillationSection)), ("checkpoint", typeof(CheckpointSection)),
        ("plugins", typeof(PluginsSection)), ("adversarial_training", typeof(AdversarialTrainingSection)),
        ("attack", typeof(AttackSection)),
    ];

    /// <summary>Every valid dotted key (<c>optimizer.lr</c>), in declaration order.</summary>
    public static IReadOnlyList<string> AllKeys { get; } =
        Tables.SelectMany(t => OptionsBinder.Keys(t.Type).Select(key => $"{t.Name}.{key}")).ToArray();

    /// <summary>Rejects anything in <paramref name="document"/> that no table or key of the schema matches.</summary>
    /// <exception cref="ConfigurationException">An unknown table or key, or a section that is not a table.</exception>
    public static void Check(TomlTable document)
    {
        var tableNames = Tables.Select(t => t.Name).ToArray();
        foreach (var (name, value) in document)
        {
            var index = Array.IndexOf(tableNames, name);
            if (index < 0)
                throw OptionsBinder.UnknownKey(name, "", tableNames, AllKeys);
            if (value is not TomlTable table)
                throw new ConfigurationException(
                    $"{name}: expected a table ([{name}]) but found {OptionTypeNames.Found(value)}.");
            CheckTable(name, Tables[index].Type, table);
        }
    }

    private static void CheckTable(string name, Type type, TomlTable table)
    {
        if (OptionParameter.Of(type).Parameters.Any(p => p.IsExtension))
            return;
        var ownKeys = OptionsBinder.Keys(type).Select(key => $"{name}.{key}").ToArray();
        foreach (var key in table.Keys)
        {
            var dottedKey = $"{name}.{key}";
            if (!ownKeys.Contains(dottedKey))
                throw OptionsBinder.UnknownKey(dottedKey, name, ownKeys, AllKeys.Except(ownKeys));
        }
    }
}
