namespace Neuromorph.Engine.Network;

/// <summary>How a network advances through its T timesteps.</summary>
internal enum SimulationMode
{
    /// <summary>
    /// Stateless layers (convolution, linear, batch norm, pooling) process all timesteps at once as a
    /// <c>[T*B, ...]</c> batch; neuron layers step through t = 0..T-1 with state. The fast default.
    /// </summary>
    MultiStep,

    /// <summary>One timestep at a time through the whole network, like an online simulation.</summary>
    SingleStep,
}
