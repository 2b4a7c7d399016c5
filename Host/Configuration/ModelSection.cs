namespace Neuromorph.Host.Configuration;

/// <summary>The <c>[model]</c> table: the network's architecture.</summary>
/// <param name="Name">One of <see cref="KnownModels"/>.</param>
/// <param name="Timesteps">T, the number of timesteps each input is simulated for.</param>
/// <param name="Channels">The output channels of the two convolution blocks; null means <c>[32, 64]</c>.</param>
/// <param name="Hidden">The width of the hidden fully connected layer.</param>
internal sealed record ModelSection(
    string Name = "csnn",
    int Timesteps = 4,
    IReadOnlyList<int>? Channels = null,
    int Hidden = 256)
{
    /// <summary>The valid values of <c>model.name</c>.</summary>
    public static IReadOnlyList<string> KnownModels { get; } = ["csnn"];

    /// <summary>The output channels of the two convolution blocks.</summary>
    public IReadOnlyList<int> Channels { get; init; } = Channels ?? [32, 64];
}
