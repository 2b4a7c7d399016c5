using Neuromorph.Data;

namespace Neuromorph.Engine.Models;

/// <summary>What to build: a named architecture, its sizes and its input.</summary>
/// <param name="Name">Architecture name, e.g. <c>csnn</c> (see <see cref="ModelCatalog"/>).</param>
/// <param name="Timesteps">T.</param>
/// <param name="InputShape">One sample, <c>[C, H, W]</c>.</param>
/// <param name="ClassCount">M.</param>
/// <param name="Channels">Convolution widths (<c>csnn</c> only).</param>
/// <param name="Hidden">Width of the hidden fully connected layer (<c>csnn</c> only).</param>
/// <param name="InputNormalization">The dataset's statistics used by the input normalisation: one value per
/// input channel, or one for all.</param>
/// <param name="Width">
/// Base width of the VGG and ResNet models: the channels of their first stage, which the later stages multiply;
/// 0 uses the architecture's published width (<see cref="ModelArchitecture.DefaultWidth"/>).
/// </param>
/// <param name="Norm">Plain batch norm, or tdBN (<see cref="BatchNormKind.ThresholdDependent"/>).</param>
/// <param name="TdbnAlpha">tdBN's α: batch-norm weights start at α·V_th. Unused with plain batch norm.</param>
/// <param name="Threshold">V_th, the neurons' firing threshold, which tdBN scales its initial weights by.</param>
internal sealed record ModelSpec(
    string Name,
    int Timesteps,
    long[] InputShape,
    int ClassCount,
    IReadOnlyList<int> Channels,
    int Hidden,
    DatasetNormalization InputNormalization,
    int Width = 0,
    BatchNormKind Norm = BatchNormKind.Plain,
    double TdbnAlpha = 1.0,
    double Threshold = 1.0)
{
    /// <summary>A spec for a single-channel input normalised by one mean and standard deviation.</summary>
    public ModelSpec(
        string name, int timesteps, long[] inputShape, int classCount, IReadOnlyList<int> channels, int hidden, double inputMean, double inputStd,
        int width = 0, BatchNormKind norm = BatchNormKind.Plain, double tdbnAlpha = 1.0, double threshold = 1.0)
        : this(name, timesteps, inputShape, classCount, channels, hidden, new DatasetNormalization(inputMean, inputStd), width, norm, tdbnAlpha, threshold)
    {
    }
}
