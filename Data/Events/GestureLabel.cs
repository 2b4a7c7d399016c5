namespace Neuromorph.Data.Events;

/// <summary>One labelled gesture of a DVS128 Gesture recording: events with Start ≤ t &lt; End (µs) are class <paramref name="Class"/>.</summary>
/// <param name="Class">The class index, 0 to 10 (the file's classes 1 to 11, minus one).</param>
/// <param name="Start">The first microsecond of the gesture.</param>
/// <param name="End">The microsecond after its last.</param>
internal sealed record GestureLabel(int Class, long Start, long End);
