namespace Neuromorph.Data.Events;

/// <summary>
/// One recording file of an event dataset and the samples it holds: a single sample for N-MNIST and
/// CIFAR10-DVS, one per labelled gesture for DVS128 Gesture. The labels are known from the dataset's layout
/// before the file is read; <see cref="Read"/> reads the file and returns one event stream per label.
/// </summary>
/// <param name="File">The recording's path, for messages.</param>
/// <param name="Labels">The class of each sample, in order.</param>
/// <param name="Read">Reads the file; throws <see cref="DataException"/> when it is missing or corrupt.</param>
internal sealed record EventRecording(string File, byte[] Labels, Func<IReadOnlyList<EventStream>> Read);
