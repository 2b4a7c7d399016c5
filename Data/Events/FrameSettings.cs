namespace Neuromorph.Data.Events;

/// <summary>How event streams become frames: T frames of 2 polarity channels at <paramref name="Width"/> × <paramref name="Height"/>.</summary>
/// <param name="Timesteps">T, the number of frames.</param>
/// <param name="Split">How events are divided among the frames.</param>
/// <param name="Width">Frame width; sensor coordinates x map to ⌊x·Width/SensorWidth⌋.</param>
/// <param name="Height">Frame height; sensor coordinates y map to ⌊y·Height/SensorHeight⌋.</param>
internal sealed record FrameSettings(int Timesteps, FrameSplit Split, int Width, int Height)
{
    /// <summary>The polarity channels: 0 holds OFF events, 1 holds ON events.</summary>
    public const int Channels = 2;

    /// <summary>Bytes per sample: T × 2 × H × W.</summary>
    public int SampleSize => Timesteps * Channels * Height * Width;
}
