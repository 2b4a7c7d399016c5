using System.Globalization;

namespace Neuromorph.Data;

/// <summary>
/// The per-dataset pixel statistics (of pixel/255 over the training set) the model uses to standardise
/// its inputs: <c>(x[c] - Mean[c]) / Std[c]</c> for each channel c. Grayscale datasets (MNIST-style) have one
/// channel, colour datasets one value per channel (R, G, B). Two normalisations are equal when their values are.
/// </summary>
internal sealed record DatasetNormalization
{
    /// <summary>One channel: <paramref name="mean"/> and <paramref name="std"/>.</summary>
    public DatasetNormalization(double mean, double std)
        : this([mean], [std])
    {
    }

    /// <summary>One mean and one standard deviation per channel.</summary>
    /// <exception cref="ArgumentException">The lists are empty or of different lengths, or a value is not finite,
    /// or a standard deviation is not positive.</exception>
    public DatasetNormalization(IReadOnlyList<double> mean, IReadOnlyList<double> std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Count == 0 || mean.Count != std.Count)
            throw new ArgumentException(
                $"A normalisation needs one mean and one standard deviation per channel; got {mean.Count} means and {std.Count} deviations.",
                nameof(std));
        if (mean.Any(value => !double.IsFinite(value)))
            throw new ArgumentException($"Every mean must be finite; got [{Format(mean)}].", nameof(mean));
        if (std.Any(value => !(double.IsFinite(value) && value > 0)))
            throw new ArgumentException($"Every standard deviation must be finite and positive; got [{Format(std)}].", nameof(std));
        Mean = [.. mean];
        Std = [.. std];
    }

    /// <summary>The mean of each channel.</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>The standard deviation of each channel.</summary>
    public IReadOnlyList<double> Std { get; }

    /// <summary>The number of channels the statistics describe.</summary>
    public int Channels => Mean.Count;

    /// <summary>Fashion-MNIST's training-set mean and standard deviation.</summary>
    public static DatasetNormalization FashionMnist { get; } = new(0.2860, 0.3530);

    /// <summary>MNIST's training-set mean and standard deviation.</summary>
    public static DatasetNormalization Mnist { get; } = new(0.1307, 0.3081);

    /// <summary>CIFAR-10's training-set per-channel mean and standard deviation (R, G, B).</summary>
    public static DatasetNormalization Cifar10 { get; } = new([0.4914, 0.4822, 0.4465], [0.2470, 0.2435, 0.2616]);

    /// <summary>CIFAR-100's training-set per-channel mean and standard deviation (R, G, B).</summary>
    public static DatasetNormalization Cifar100 { get; } = new([0.5071, 0.4865, 0.4409], [0.2673, 0.2564, 0.2762]);

    /// <summary>
    /// ImageNet's per-channel mean and standard deviation (R, G, B; the values torchvision's pretrained models
    /// use), applied to every <c>image-folder</c> dataset: its statistics are not known before its images are read.
    /// </summary>
    public static DatasetNormalization ImageNet { get; } = new([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]);

    public bool Equals(DatasetNormalization? other) =>
        other is not null && Mean.SequenceEqual(other.Mean) && Std.SequenceEqual(other.Std);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in Mean) hash.Add(value);
        foreach (var value in Std) hash.Add(value);
        return hash.ToHashCode();
    }

    /// <summary>Prints the values, e.g. <c>mean [0.4914, 0.4822, 0.4465], std [0.247, 0.2435, 0.2616]</c>.</summary>
    public override string ToString() => $"mean [{Format(Mean)}], std [{Format(Std)}]";

    private static string Format(IReadOnlyList<double> values) =>
        string.Join(", ", values.Select(value => value.ToString(CultureInfo.InvariantCulture)));
}
