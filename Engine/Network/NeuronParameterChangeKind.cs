namespace Neuromorph.Engine.Network;

/// <summary>What replacing a neuron model did to one declared parameter of one layer.</summary>
internal enum NeuronParameterChangeKind
{
    /// <summary>The declaration is unchanged: the same tensor, its learned value and optimizer state are kept.</summary>
    Kept,

    /// <summary>The new model declares a parameter the old one did not: created from its initial value.</summary>
    Added,

    /// <summary>Declared by both with a different shape or initial value: created anew from the new initial value.</summary>
    Recreated,

    /// <summary>Declared only by the old model: removed from the network.</summary>
    Removed,
}
