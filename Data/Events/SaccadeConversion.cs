namespace Neuromorph.Data.Events;

/// <summary>What <see cref="SaccadeConverter.Convert"/> wrote.</summary>
/// <param name="TrainFiles">Event files under <c>Train/</c>.</param>
/// <param name="TestFiles">Event files under <c>Test/</c>.</param>
/// <param name="Events">Events in all files.</param>
/// <param name="SensorWidth">The sensor width of the recordings.</param>
/// <param name="SensorHeight">The sensor height.</param>
internal sealed record SaccadeConversion(int TrainFiles, int TestFiles, long Events, int SensorWidth, int SensorHeight);
