using Neuromorph.Data;
using Neuromorph.Engine.Network;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Training;

/// <summary>Measures a network's accuracy on a dataset, in evaluation mode, without touching its weights.</summary>
internal static class Evaluator
{
    /// <summary>
    /// One pass over <paramref name="loader"/> at the network's current <see cref="SpikingNetwork.Timesteps"/>:
    /// accuracy with the first k timesteps for every k, early-exit tallies for each of
    /// <paramref name="earlyExitThresholds"/> (none when omitted) and every neuron layer's spikes.
    /// </summary>
    public static EvaluationResult Evaluate(
        SpikingNetwork network, BatchLoader loader, int epoch = 0, IReadOnlyList<double>? earlyExitThresholds = null)
    {
        var thresholds = earlyExitThresholds ?? [];
        var wasTraining = network.training;
        network.eval();
        try
        {
            var timesteps = network.Timesteps;
            var correct = new long[timesteps];
            var earlyExit = thresholds.Select(threshold => new EarlyExitCounts(threshold, 0, 0, 0)).ToArray();
            var samples = 0;
            var firing = new FiringTally();
            using var noGrad = no_grad();
            foreach (var batch in loader.Epoch(epoch))
            {
                CollectionPoint.Reached();
                using var scope = NewDisposeScope();
                var (inputs, labels) = BatchTensors.From(batch, network.InputShape);
                // Frame sequences hold the run's T frames; with fewer timesteps (low-latency evaluation) the first ones.
                if (batch.Timesteps > timesteps) inputs = inputs.narrow(0, 0, timesteps);
                var (logits, counted) = network.ForwardCounting(inputs);
                // argmax of the running sum over the first k timesteps = argmax of their mean.
                var predictions = logits.cumsum(0).argmax(-1);
                var hits = predictions.eq(labels.unsqueeze(0)).sum(1).data<long>().ToArray();
                for (var k = 0; k < timesteps; k++) correct[k] += hits[k];
                var exits = EarlyExit.Evaluate(logits, labels, thresholds);
                for (var i = 0; i < earlyExit.Length; i++) earlyExit[i] = earlyExit[i].Plus(exits[i]);
                firing.Add(counted);
                samples += batch.Size;
            }
            var atTimesteps = correct.Select(c => samples == 0 ? 0.0 : (double)c / samples).ToArray();
            return new EvaluationResult(samples, atTimesteps[^1], atTimesteps, earlyExit, firing);
        }
        finally
        {
            network.train(wasTraining);
        }
    }
}
