using System.Diagnostics;

namespace Neuromorph.Engine.Training;

/// <summary>The parts of a training step that <see cref="StepPhaseTimes"/> tells apart.</summary>
internal enum StepPhase
{
    /// <summary>The batch turned into tensors (and adversarial examples made, when configured).</summary>
    Inputs,

    /// <summary>The network simulated over T timesteps.</summary>
    Forward,

    /// <summary>The loss, the scheme's distillation term and the regulariser.</summary>
    Objective,

    /// <summary>Backpropagation through time.</summary>
    Backward,

    /// <summary>The optimizer's update.</summary>
    Optimizer,

    /// <summary>Reading the loss and the number correct back to .NET (waits for nothing on CPU).</summary>
    Readout,
}

/// <summary>
/// Wall time per <see cref="StepPhase"/>, summed over the steps it watched: where a training step spends
/// its time (<c>bench csnn</c> prints it). A step given none measures nothing.
/// </summary>
internal sealed class StepPhaseTimes
{
    private readonly double[] seconds = new double[Enum.GetValues<StepPhase>().Length];
    private long started;

    /// <summary>Steps watched since the last <see cref="Clear"/>.</summary>
    public int Steps { get; private set; }

    /// <summary>Starts timing a step.</summary>
    public void Begin()
    {
        Steps++;
        started = Stopwatch.GetTimestamp();
    }

    /// <summary>Ends <paramref name="phase"/> now; the next phase starts.</summary>
    public void End(StepPhase phase)
    {
        var now = Stopwatch.GetTimestamp();
        seconds[(int)phase] += Stopwatch.GetElapsedTime(started, now).TotalSeconds;
        started = now;
    }

    /// <summary>Mean milliseconds per step of each phase.</summary>
    public IReadOnlyDictionary<StepPhase, double> MeanMilliseconds() =>
        Enum.GetValues<StepPhase>().ToDictionary(phase => phase, phase => Steps == 0 ? 0 : seconds[(int)phase] * 1000 / Steps);

    public void Clear()
    {
        Array.Clear(seconds);
        Steps = 0;
    }
}
