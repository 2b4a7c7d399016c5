namespace Neuromorph.Host.Plugins;

/// <summary>The kinds of plugin the host loads, one per contract interface.</summary>
internal enum PluginKind
{
    /// <summary>An <see cref="Neuromorph.Abstractions.INeuronModel"/>.</summary>
    Neuron,

    /// <summary>An <see cref="Neuromorph.Abstractions.IDistillationScheme"/>.</summary>
    DistillationScheme,

    /// <summary>An <see cref="Neuromorph.Abstractions.IAdversarialAttack"/>.</summary>
    Attack,
}
