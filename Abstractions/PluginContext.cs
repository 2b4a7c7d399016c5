namespace Neuromorph.Abstractions;

/// <summary>Facts about the run a plugin is created for; a plugin takes it as a constructor parameter.</summary>
/// <param name="Timesteps">T, the number of timesteps the network is simulated for per input.</param>
/// <param name="ClassCount">M, the number of output classes.</param>
/// <param name="Seed">The run's seed, for plugins that draw random numbers of their own.</param>
public sealed record PluginContext(int Timesteps, int ClassCount, long Seed);
