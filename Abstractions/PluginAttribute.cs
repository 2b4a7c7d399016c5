namespace Neuromorph.Abstractions;

/// <summary>
/// Marks a class as a Neuromorph plugin and gives the name configuration files use to select it
/// (for example <c>neuron.plugin = "lif"</c>). The class implements exactly one plugin interface:
/// <see cref="INeuronModel"/>, <see cref="IDistillationScheme"/> or <see cref="IAdversarialAttack"/>.
/// </summary>
/// <remarks>
/// The host creates the plugin through its public constructor with the most parameters. Each parameter
/// is one of: an options record (a type whose constructor parameters all have defaults; the host binds it
/// from the plugin's TOML options table, mapping <c>snake_case</c> keys to parameter names and rejecting
/// unknown keys), <see cref="PluginContext"/>, or, for neuron models, <see cref="ISurrogateGradient"/>.
/// A constructor that finds its options invalid throws <see cref="PluginOptionsException"/>.
/// Names are lower-case, made of letters, digits and dashes, and unique per plugin kind.
/// </remarks>
/// <param name="name">The plugin's configuration name.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PluginAttribute(string name) : Attribute
{
    /// <summary>The name configuration files use to select the plugin.</summary>
    public string Name { get; } = name;

    /// <summary>A one-line description shown by the <c>plugins</c> command.</summary>
    public string? Description { get; init; }
}
