namespace Neuromorph.Data.Events;

/// <summary>What the engine knows about an event dataset it can load by name.</summary>
/// <param name="Name">The configuration name, for example <c>nmnist</c>.</param>
/// <param name="Title">The dataset's usual name, for descriptions.</param>
/// <param name="SensorWidth">Width of the recording sensor in pixels.</param>
/// <param name="SensorHeight">Height of the recording sensor in pixels.</param>
/// <param name="ClassCount">The number of classes.</param>
/// <param name="DefaultSize">The frame size used when <c>data.events.size</c> is 0.</param>
/// <param name="Source">Where to get the files.</param>
/// <param name="Layout">How the files are arranged.</param>
internal sealed record EventDatasetDescriptor(
    string Name,
    string Title,
    int SensorWidth,
    int SensorHeight,
    int ClassCount,
    int DefaultSize,
    string Source,
    IEventDatasetLayout Layout);
