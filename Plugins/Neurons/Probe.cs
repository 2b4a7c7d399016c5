namespace Neuromorph.Plugins.Neurons;
internal sealed class Probe { }
