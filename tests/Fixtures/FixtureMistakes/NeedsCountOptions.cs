namespace Neuromorph.Fixtures.FixtureMistakes;

/// <summary>The mistake: <paramref name="Count"/> has no default, so an empty TOML table cannot create the record.</summary>
/// <param name="Count">Anything; the host never gets to bind it.</param>
public sealed record NeedsCountOptions(int Count);
