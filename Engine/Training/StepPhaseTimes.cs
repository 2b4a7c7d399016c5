using System.Diagnostics;
using System.Text.Json;

namespace Neuromorph.Engine.Training;

/// <summary>The stages of training that <see cref="StepPhaseTimes"/> tells apart, in the order an epoch runs them.</summary>
internal enum StepPhase
{
    /// <summary>Waiting for the next batch from the loader's worker threads.</summary>
    Data,

    /// <summary>The batch turned into tensors.</summary>
    Inputs,

    /// <summary>Adversarial examples made for part of the batch (adversarial training only).</summary>
    Adversarial,

    /// <summary>The network simulated over T timesteps.</summary>
    Forward,

    /// <summary>The distillation scheme's term.</summary>
    Distillation,

    /// <summary>The cross-entropy of the time-averaged output, the regulariser and the total loss read back.</summary>
    Objective,

    /// <summary>Backpropagation through time.</summary>
    Backward,

    /// <summary>The optimizer's update.</summary>
    Optimizer,

    /// <summary>Reading the number of correct predictions back to .NET.</summary>
    Readout,

    /// <summary>The garbage collection between iterations (<see cref="CollectionPoint"/>).</summary>
    Collect,

    /// <summary>Adding the iteration to the epoch's sums and telling the observers (progress output).</summary>
    Observe,

    /// <summary>What happens between two iterations: hot reload, periodic checkpoints.</summary>
    Boundary,

    /// <summary>The test set evaluated at an epoch's end.</summary>
    Evaluate,
}

/// <summary>
/// Wall time per <see cref="StepPhase"/>, summed over what it watched: where training spends its time. The training
/// loop keeps one per epoch (in <c>metrics.jsonl</c> as <c>phase_seconds</c>, and in checkpoints, so a resumed epoch
/// reports the same sums); <c>bench csnn</c> prints the mean per step. Phases follow one another: <see cref="End"/>
/// ends one and starts the next, so their sum is the time watched.
/// </summary>
internal sealed class StepPhaseTimes
{
    private static readonly StepPhase[] All = Enum.GetValues<StepPhase>();
    private readonly double[] seconds = new double[All.Length];
    private long started = Stopwatch.GetTimestamp();

    /// <summary>Training steps watched (counted by <see cref="Begin"/>).</summary>
    public int Steps { get; set; }

    /// <summary>Seconds per phase by its name in snake case (<c>forward</c>); phases never entered are left out.</summary>
    public Dictionary<string, double> Seconds
    {
        get => All.Where(phase => seconds[(int)phase] > 0).ToDictionary(NameOf, phase => seconds[(int)phase]);
        set
        {
            Array.Clear(seconds);
            foreach (var phase in All) seconds[(int)phase] = value.GetValueOrDefault(NameOf(phase));
        }
    }

    /// <summary>Seconds spent in <paramref name="phase"/>.</summary>
    public double this[StepPhase phase] => seconds[(int)phase];

    /// <summary>Starts timing a training step (its first phase starts now).</summary>
    public void Begin()
    {
        CountStep();
        Restart();
    }

    /// <summary>Counts a training step whose first phase is already being timed.</summary>
    public void CountStep() => Steps++;

    /// <summary>Starts timing now (the first phase after a pause).</summary>
    public void Restart() => started = Stopwatch.GetTimestamp();

    /// <summary>Ends <paramref name="phase"/> now; the next phase starts. Returns the phase's seconds.</summary>
    public double End(StepPhase phase)
    {
        var now = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(started, now).TotalSeconds;
        seconds[(int)phase] += elapsed;
        started = now;
        return elapsed;
    }

    /// <summary>Mean milliseconds per step of each phase.</summary>
    public IReadOnlyDictionary<StepPhase, double> MeanMilliseconds() =>
        All.ToDictionary(phase => phase, phase => Steps == 0 ? 0 : seconds[(int)phase] * 1000 / Steps);

    public void Clear()
    {
        Array.Clear(seconds);
        Steps = 0;
    }

    /// <summary>The name a phase is recorded under: <c>StepPhase.Forward</c> is <c>forward</c>.</summary>
    public static string NameOf(StepPhase phase) => JsonNamingPolicy.SnakeCaseLower.ConvertName(phase.ToString());
}
