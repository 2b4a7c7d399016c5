using Neuromorph.Engine.Network;

namespace Neuromorph.Engine.Models;

/// <summary>The first module of every model: the dataset's per-channel standardisation of its inputs.</summary>
internal static class InputNormalization
{
    /// <exception cref="ArgumentException">The statistics are for another number of channels than the input has.</exception>
    public static Normalization For(ModelSpec spec)
    {
        var statistics = spec.InputNormalization;
        var channels = spec.InputShape[0];
        if (statistics.Channels != 1 && statistics.Channels != channels)
            throw new ArgumentException(
                $"Model '{spec.Name}' gets {channels}-channel inputs but a normalisation for {statistics.Channels} channels ({statistics}).");
        return new Normalization(statistics.Mean, statistics.Std);
    }
}
