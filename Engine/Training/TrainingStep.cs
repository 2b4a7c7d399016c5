using Neuromorph.Abstractions;
using Neuromorph.Engine.Data;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Robustness;
using TorchSharp.Modules;

namespace Neuromorph.Engine.Training;

/// <summary>
/// The work of one training iteration on one mini-batch: simulate T timesteps, compute the objective,
/// backpropagate through time, step the optimizer. <see cref="TrainingLoop"/> runs it once per frame and
/// <c>bench csnn</c> times it, so the benchmark measures exactly what training does. The caller owns the
/// iteration's dispose scope and the learning rate.
/// </summary>
internal sealed class TrainingStep(
    SpikingNetwork network, OptimizerHelper optimizer, Objective objective, AdversarialMix? adversarial = null)
{
    /// <summary>Trains on <paramref name="batch"/>; <paramref name="iteration"/> only names the step in a divergence error.</summary>
    /// <exception cref="NonFiniteLossException">The loss is NaN or infinite.</exception>
    public TrainingStepResult Run(Batch batch, long iteration)
    {
        var (inputs, labels) = BatchTensors.From(batch, network.InputShape);
        if (adversarial is not null) inputs = adversarial.Apply(inputs, labels);
        var logits = network.forward(inputs);
        var result = objective.Compute(logits, labels);
        optimizer.zero_grad();
        result.Loss.backward();
        optimizer.step();
        var loss = result.Loss.item<float>();
        if (!float.IsFinite(loss)) throw new NonFiniteLossException(iteration, loss);
        var correct = result.AveragedLogits.argmax(-1).eq(labels).sum().item<long>();
        return new TrainingStepResult(loss, correct, result.Diagnostics);
    }
}

/// <summary>What one training step reports: its loss, how many samples the averaged logits got right, the scheme's figures.</summary>
internal sealed record TrainingStepResult(float Loss, long Correct, IReadOnlyDictionary<string, Diagnostic> Diagnostics);
