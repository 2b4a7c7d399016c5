namespace Neuromorph.Host.Tests.Plugins.Doubles;

internal sealed record ThresholdNeuronOptions(double Threshold = 1.0);
