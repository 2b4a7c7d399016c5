namespace Neuromorph.Fixtures.FixtureNeuron;

/// <summary>Options of the <c>fixture-lif</c> neuron.</summary>
/// <param name="Tau">τ, the membrane time constant (≥ 1).</param>
public sealed record FixtureLifOptions(double Tau = 2.0);
