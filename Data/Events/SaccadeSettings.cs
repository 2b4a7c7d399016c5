namespace Neuromorph.Data.Events;

/// <summary>How <see cref="SaccadeCamera"/> turns an image into events.</summary>
/// <param name="Threshold">θ: a pixel emits an event when its log intensity has changed by θ since its last event.</param>
/// <param name="ThresholdMismatch">m: each pixel's threshold is θ·(1 + m·u), u uniform in [−1, 1) drawn from the seed
/// (DVS pixels differ); 0 gives every pixel θ.</param>
/// <param name="Amplitude">a: the size of the saccade triangle in pixels (each saccade travels about a pixels).</param>
/// <param name="SaccadeMicroseconds">The duration of each of the three saccades.</param>
/// <param name="StepMicroseconds">The time between two rendered frames; event timestamps are multiples of it.</param>
/// <param name="Padding">Black pixels added on each side of the image: the sensor is (H + 2·padding) × (W + 2·padding).</param>
/// <param name="Seed">Seeds the threshold mismatch: the same seed gives the same events.</param>
internal sealed record SaccadeSettings(
    double Threshold = 0.2,
    double ThresholdMismatch = 0.05,
    double Amplitude = 3,
    int SaccadeMicroseconds = 100_000,
    int StepMicroseconds = 1_000,
    int Padding = 3,
    long Seed = 0)
{
    /// <summary>
    /// ε in the log intensity ln(I + ε) of an intensity I in [0, 1]: it keeps black finite and sets how many
    /// events a full black-to-white change gives (ln(1.05/0.05)/θ, about 15 at θ = 0.2).
    /// </summary>
    public const double LogOffset = 0.05;

    /// <summary>Checks every value; the message names the setting.</summary>
    /// <exception cref="ArgumentException">A value out of range.</exception>
    public void Validate()
    {
        if (!(Threshold > 0 && double.IsFinite(Threshold)))
            throw new ArgumentException($"The threshold must be a finite number > 0, got {Threshold}.");
        if (!(ThresholdMismatch >= 0 && ThresholdMismatch < 1))
            throw new ArgumentException($"The threshold mismatch must be in [0, 1), got {ThresholdMismatch}.");
        if (Padding < 0)
            throw new ArgumentException($"The padding must be >= 0, got {Padding}.");
        // The largest displacement is 2a/3 (see SaccadeMotion): within the padding, the image stays on the sensor.
        if (!(Amplitude >= 0 && 2 * Amplitude / 3 <= Padding + 1e-9))
            throw new ArgumentException(
                $"The saccade amplitude must be between 0 and 1.5 × the padding ({1.5 * Padding} px), so the image stays on the sensor; got {Amplitude}.");
        if (StepMicroseconds < 1 || SaccadeMicroseconds < StepMicroseconds || SaccadeMicroseconds % StepMicroseconds != 0)
            throw new ArgumentException(
                $"A saccade of {SaccadeMicroseconds} µs must be a positive multiple of the {StepMicroseconds} µs step.");
        if (3L * SaccadeMicroseconds > NMnistEventFile.MaxTimestamp)
            throw new ArgumentException($"Three saccades of {SaccadeMicroseconds} µs exceed the N-MNIST format's {NMnistEventFile.MaxTimestamp} µs.");
    }
}
