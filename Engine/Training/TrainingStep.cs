using Neuromorph.Abstractions;
using Neuromorph.Data;
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
    SpikingNetwork network, OptimizerHelper optimizer, Objective objective, AdversarialMix? adversarial = null,
    StepPhaseTimes? phases = null)
{
    /// <summary>Trains on <paramref name="batch"/>; <paramref name="iteration"/> only names the step in a divergence error.</summary>
    /// <exception cref="NonFiniteLossException">The loss is NaN or infinite.</exception>
    public TrainingStepResult Run(Batch batch, long iteration)
    {
        phases?.Begin();
        var (inputs, labels) = BatchTensors.From(batch, network.InputShape);
        if (adversarial is not null) inputs = adversarial.Apply(inputs, labels);
        phases?.End(StepPhase.Inputs);
        var logits = network.forward(inputs);
        phases?.End(StepPhase.Forward);
        var result = objective.Compute(logits, labels);
        phases?.End(StepPhase.Objective);
        optimizer.zero_grad();
        result.Loss.backward();
        phases?.End(StepPhase.Backward);
        optimizer.step();
        phases?.End(StepPhase.Optimizer);
        var loss = result.Loss.item<float>();
        if (!float.IsFinite(loss)) throw new NonFiniteLossException(iteration, loss);
        var correct = result.AveragedLogits.argmax(-1).eq(labels).sum().item<long>();
        phases?.End(StepPhase.Readout);
        return new TrainingStepResult(loss, correct, result.Diagnostics);
    }
}

/// <summary>What one training step reports: its loss, how many samples the averaged logits got right, the scheme's figures.</summary>
internal sealed record TrainingStepResult(float Loss, long Correct, IReadOnlyDictionary<string, Diagnostic> Diagnostics);
