using Neuromorph.Abstractions;

namespace Neuromorph.Host.Plugins;

/// <summary>Maps plugin kinds to their contract interfaces and to the words used in messages.</summary>
internal static class PluginKinds
{
    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<PluginKind> All { get; } = Enum.GetValues<PluginKind>();

    /// <summary>The contract interface a plugin of <paramref name="kind"/> implements.</summary>
    public static Type ContractOf(PluginKind kind) => kind switch
    {
        PluginKind.Neuron => typeof(INeuronModel),
        PluginKind.DistillationScheme => typeof(IDistillationScheme),
        PluginKind.Attack => typeof(IAdversarialAttack),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown plugin kind."),
    };

    /// <summary>A lower-case description for messages, for example <c>distillation scheme</c>.</summary>
    public static string Describe(PluginKind kind) => kind switch
    {
        PluginKind.Neuron => "neuron model",
        PluginKind.DistillationScheme => "distillation scheme",
        PluginKind.Attack => "adversarial attack",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown plugin kind."),
    };

    /// <summary>
    /// The configuration key that names a run's plugin of <paramref name="kind"/>, for messages; null for attacks, which
    /// are named in several places (<c>adversarial_training.attack</c>, <c>[attack.&lt;name&gt;]</c>, <c>--attack</c>).
    /// </summary>
    public static string? ConfigurationKey(PluginKind kind) => kind switch
    {
        PluginKind.Neuron => "neuron.plugin",
        PluginKind.DistillationScheme => "distillation.scheme",
        _ => null,
    };

    /// <summary>The kinds whose contract interface <paramref name="type"/> implements.</summary>
    public static IReadOnlyList<PluginKind> ImplementedBy(Type type) =>
        All.Where(kind => ContractOf(kind).IsAssignableFrom(type)).ToArray();
}
