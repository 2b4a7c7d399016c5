using Neuromorph.Data;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Robustness;
using TorchSharp.Modules;

namespace Neuromorph.Engine.Training;

/// <summary>
/// The work of one training iteration on one mini-batch, in two stages. <see cref="Compute"/> makes the inputs (and
/// adversarial examples), simulates T timesteps, computes the objective and backpropagates: it changes no weight and no
/// optimizer state, so a failure there leaves the run as the last completed iteration left it (but for batch-norm
/// statistics, which <see cref="BufferSnapshot"/> restores). <see cref="Apply"/> steps the optimizer. The scheme and the
/// attack are the ones in force in <see cref="RunSlots"/>. <see cref="TrainingLoop"/> runs it once per frame and
/// <c>bench csnn</c> times it, so the benchmark measures exactly what training does. The caller owns the iteration's
/// dispose scope.
/// </summary>
internal sealed class TrainingStep(
    SpikingNetwork network, OptimizerHelper optimizer, Objective objective, RunSlots slots, AdversarialMix? adversarial,
    int countedSampleStride = TrainingStep.CountedSampleStride)
{
    /// <summary>
    /// The training firing rates count the spikes of samples 0, 4, 8, ... of each batch: batches are shuffled, so the
    /// rates are unbiased estimates of the epoch's, and both parts of an adversarial mix (its first samples) are in them.
    /// Counting reads the spikes it counts once more (<see cref="SpikeSums"/>): all of csnn's at batch 128, T = 4 (77 MB)
    /// took 3.4 ms (median), about 1 % of the 300 ms step of <c>bench/RESULTS.md</c> and so the whole budget; a quarter
    /// of them 1.1 ms. The test set's rates count every sample. <c>bench csnn --spike-count-stride</c> measures the cost
    /// (0 there: no counting).
    /// </summary>
    public const int CountedSampleStride = 4;

    /// <summary>
    /// The first stage, its time going to <paramref name="phases"/>; <paramref name="iteration"/> only names the step in
    /// a divergence error.
    /// </summary>
    /// <exception cref="NonFiniteLossException">The loss is NaN or infinite (nothing has been updated).</exception>
    public ComputedStep Compute(Batch batch, long iteration, StepPhaseTimes phases)
    {
        var (inputs, labels) = BatchTensors.From(batch, network.InputShape);
        var seconds = phases.End(StepPhase.Inputs);
        if (adversarial is not null)
        {
            inputs = adversarial.Apply(slots.Attack!, inputs, labels);
            seconds += phases.End(StepPhase.Adversarial);
        }
        var (logits, firing) = countedSampleStride > 0
            ? network.ForwardCounting(inputs, countedSampleStride)
            : (network.forward(inputs), new FiringTally());
        seconds += phases.End(StepPhase.Forward);
        var term = Objective.Distill(slots.Scheme, logits, labels);
        seconds += phases.End(StepPhase.Distillation);
        var result = objective.Compute(logits, labels, term);
        var loss = result.Loss.item<float>();
        if (!float.IsFinite(loss)) throw new NonFiniteLossException(iteration, loss);
        seconds += phases.End(StepPhase.Objective);
        optimizer.zero_grad();
        result.Loss.backward();
        seconds += phases.End(StepPhase.Backward);
        return new ComputedStep(batch.Size, loss, result, labels, firing, seconds);
    }

    /// <summary>The second stage: the optimizer's update at <paramref name="learningRate"/>, then the readout.</summary>
    public IterationReport Apply(ComputedStep computed, double learningRate, StepPhaseTimes phases)
    {
        OptimizerFactory.SetLearningRate(optimizer, learningRate);
        optimizer.step();
        var seconds = computed.Seconds + phases.End(StepPhase.Optimizer);
        var correct = computed.Objective.AveragedLogits.argmax(-1).eq(computed.Labels).sum().item<long>();
        seconds += phases.End(StepPhase.Readout);
        return new IterationReport(computed.Loss, correct, computed.Samples, learningRate, seconds, computed.Objective.Diagnostics, computed.Firing);
    }

    /// <summary>Both stages: one whole training step (what <c>bench</c> times).</summary>
    public IterationReport Run(Batch batch, long iteration, double learningRate, StepPhaseTimes phases)
    {
        phases.Begin();
        return Apply(Compute(batch, iteration, phases), learningRate, phases);
    }
}

/// <summary>A step computed up to its gradients, not yet applied.</summary>
internal sealed record ComputedStep(
    int Samples, float Loss, ObjectiveResult Objective, TorchSharp.torch.Tensor Labels, FiringTally Firing, double Seconds);
