using Neuromorph.Data.Events;
using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>
/// The <c>[data.events]</c> table: how an event dataset's recordings become frames (T is <c>model.timesteps</c>)
/// and where the frames are cached. Used only with the event datasets (<see cref="EventDatasetCatalog"/>).
/// </summary>
/// <param name="FramesSplit">How events are divided among the T frames: <c>number</c> (equal counts) or <c>time</c>
/// (equal durations).</param>
/// <param name="Size">The frame size in pixels (square); 0 uses the dataset's default (32 for the 34 × 34 N-MNIST and saccade
/// conversions, 48 for the 128 × 128 DVS128 Gesture and CIFAR10-DVS). At most the sensor size; smaller sizes sum blocks of
/// pixels.</param>
/// <param name="CacheDir">Where integrated frames are cached; empty uses <c>$XDG_CACHE_HOME/neuromorph/frames</c>
/// (or <c>~/.cache/neuromorph/frames</c>). Relative to the configuration file.</param>
/// <param name="SplitSeed">Seeds the 90/10 training/test split of CIFAR10-DVS (which has no official split).</param>
internal sealed record EventsSection(
    FrameSplit FramesSplit = FrameSplit.Number,
    int Size = 0,
    string CacheDir = "",
    long SplitSeed = 0)
{
    /// <summary>The table's dotted name.</summary>
    public const string TablePath = "data.events";

    /// <summary>The key of <see cref="CacheDir"/>, which the loader resolves against the configuration file's folder.</summary>
    public const string CacheDirKey = "cache_dir";

    /// <summary>The section bound from <paramref name="table"/> (defaults when null).</summary>
    /// <exception cref="ConfigurationException">An unknown key or a value of the wrong type.</exception>
    public static EventsSection Bind(TomlTable? table) => OptionsBinder.Bind<EventsSection>(table, TablePath);

    /// <summary>The frame size for <paramref name="dataset"/>: <see cref="Size"/>, or the dataset's default when 0.</summary>
    public int FrameSize(EventDatasetDescriptor dataset) => Size == 0 ? dataset.DefaultSize : Size;
}
