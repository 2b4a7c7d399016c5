namespace Neuromorph.Host.Tests.Configuration;

/// <summary>A plugin-style options record with one parameter of every supported kind.</summary>
public sealed record SampleOptions(
    string Label = "a",
    bool Enabled = true,
    int Count = 3,
    long Big = 5_000_000_000,
    double Rate = 0.5,
    float Scale = 1.5f,
    SampleMode Mode = SampleMode.StrongToWeak,
    IReadOnlyList<int>? Sizes = null,
    double[]? Weights = null,
    double? Limit = null)
{
    public IReadOnlyList<int> Sizes { get; init; } = Sizes ?? [1, 2];
}
