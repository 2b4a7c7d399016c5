using Neuromorph.Engine.Models;

namespace Neuromorph.Host.Configuration;

/// <summary>The <c>[model]</c> table: the network's architecture.</summary>
/// <param name="Name">One of <see cref="KnownModels"/>.</param>
/// <param name="Timesteps">T, the number of timesteps each input is simulated for.</param>
/// <param name="Channels">The output channels of <c>csnn</c>'s two convolution blocks; null means <c>[32, 64]</c>.</param>
/// <param name="Hidden">The width of <c>csnn</c>'s hidden fully connected layer.</param>
/// <param name="Width">
/// The base width of the VGG and ResNet models (the channels of their first stage; later stages multiply it);
/// 0 uses the model's published width. <c>csnn</c> is sized by <paramref name="Channels"/> and <paramref name="Hidden"/>.
/// </param>
/// <param name="Norm">One of <see cref="KnownNorms"/>: plain batch norm, or tdBN (threshold-dependent batch norm).</param>
/// <param name="TdbnAlpha">tdBN's α: batch-norm weights start at α·V_th (V_th: the neuron's <c>threshold</c> option).</param>
internal sealed record ModelSection(
    string Name = "csnn",
    int Timesteps = 4,
    IReadOnlyList<int>? Channels = null,
    int Hidden = 256,
    int Width = 0,
    string Norm = "bn",
    double TdbnAlpha = 1.0)
{
    /// <summary><c>model.norm</c> for plain batch norm.</summary>
    public const string PlainNorm = "bn";

    /// <summary><c>model.norm</c> for threshold-dependent batch norm.</summary>
    public const string ThresholdDependentNorm = "tdbn";

    /// <summary>The valid values of <c>model.name</c>: the engine's architectures.</summary>
    public static IReadOnlyList<string> KnownModels => ModelCatalog.Names;

    /// <summary>The valid values of <c>model.norm</c>.</summary>
    public static IReadOnlyList<string> KnownNorms { get; } = [PlainNorm, ThresholdDependentNorm];

    /// <summary>The output channels of the two convolution blocks.</summary>
    public IReadOnlyList<int> Channels { get; init; } = Channels ?? [32, 64];

    /// <summary>The engine's batch-norm kind for <see cref="Norm"/> (a validated value).</summary>
    public BatchNormKind NormKind => Norm == ThresholdDependentNorm ? BatchNormKind.ThresholdDependent : BatchNormKind.Plain;
}
