namespace Neuromorph.Engine.Data;

/// <summary>
/// The per-dataset pixel statistics (of pixel/255 over the training set) the model uses to standardise
/// its inputs: <c>(x - Mean) / Std</c>.
/// </summary>
internal sealed record DatasetNormalization(double Mean, double Std)
{
    /// <summary>Fashion-MNIST's training-set mean and standard deviation.</summary>
    public static DatasetNormalization FashionMnist { get; } = new(0.2860, 0.3530);

    /// <summary>MNIST's training-set mean and standard deviation.</summary>
    public static DatasetNormalization Mnist { get; } = new(0.1307, 0.3081);
}
