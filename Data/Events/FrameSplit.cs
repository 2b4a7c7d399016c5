namespace Neuromorph.Data.Events;

/// <summary>How a sample's events are divided among its T frames (<c>data.events.frames_split</c>).</summary>
internal enum FrameSplit
{
    /// <summary>
    /// Equal event counts, SpikingJelly's <c>split_by = "number"</c>: with N events, frame i holds events
    /// i·⌊N/T⌋ to (i+1)·⌊N/T⌋ − 1 in file order, and the last frame also the remainder.
    /// </summary>
    Number,

    /// <summary>
    /// Equal durations, SpikingJelly's <c>split_by = "time"</c>: with timestamps from t0 (the earliest) to t1
    /// (the latest) and Δ = ⌊(t1 − t0)/T⌋, frame i holds events with t0 + iΔ ≤ t &lt; t0 + (i+1)Δ, and the last
    /// frame everything from t0 + (T−1)Δ on.
    /// </summary>
    Time,
}
