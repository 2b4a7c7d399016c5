namespace Neuromorph.Engine.Training;

/// <summary>Names recorded in a run's summary: the dataset, model, neuron and scheme as configured.</summary>
internal sealed record RunDescription(string Dataset, string Model, string Neuron, string Scheme, long Seed);
