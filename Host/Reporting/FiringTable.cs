using System.Globalization;
using Neuromorph.Engine.Network;

namespace Neuromorph.Host.Reporting;

/// <summary>
/// Prints each neuron layer's firing rate at every timestep and on average, its fan-out and its synaptic operations per
/// sample, and the network's total: the energy figures of an evaluation.
/// </summary>
internal static class FiringTable
{
    public static void Write(TextWriter output, FiringTally firing, SynapticFanOut fanOut)
    {
        var rates = firing.Rates();
        if (rates.Count == 0) return;
        var operations = fanOut.OperationsPerSample(firing);
        var timesteps = rates.Values.Max(perTimestep => perTimestep.Length);
        var width = Math.Max("layer".Length, rates.Keys.Max(name => name.Length));
        var steps = string.Concat(Enumerable.Range(1, timesteps).Select(t => $"  {"t=" + t,6}"));
        output.WriteLine("firing rates on the test set (spikes per neuron per timestep) and synaptic operations per sample");
        output.WriteLine($"  {"layer".PadRight(width)}{steps}  {"mean",6}  {"fan-out",9}  {"SynOps",14}");
        foreach (var (layer, perTimestep) in rates)
        {
            var cells = string.Concat(perTimestep.Select(rate => string.Create(CultureInfo.InvariantCulture, $"  {rate,6:F4}")));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {layer.PadRight(width)}{cells}  {perTimestep.Average(),6:F4}  {fanOut.Of(layer),9:0.##}  {operations[layer],14:N0}"));
        }
        var total = operations.Values.Sum();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"total".PadRight(width)}{new string(' ', steps.Length + 8 + 11)}  {total,14:N0}"));
    }
}
