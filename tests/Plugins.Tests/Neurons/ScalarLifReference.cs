namespace Neuromorph.Plugins.Tests.Neurons;

/// <summary>An independent scalar re-statement of method.md's LIF, in double precision, for element-wise checks.</summary>
internal static class ScalarLifReference
{
    public static (double[] Spikes, double[] Membrane) Simulate(double[] inputs, double tau, double threshold, bool hardReset)
    {
        var spikes = new double[inputs.Length];
        var membrane = new double[inputs.Length];
        var v = 0.0;
        for (var t = 0; t < inputs.Length; t++)
        {
            var h = v + (inputs[t] - v) / tau;
            var s = h >= threshold ? 1.0 : 0.0;
            v = hardReset ? h * (1 - s) : h - threshold * s;
            spikes[t] = s;
            membrane[t] = v;
        }
        return (spikes, membrane);
    }
}
