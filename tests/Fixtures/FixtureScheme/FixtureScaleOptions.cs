namespace Neuromorph.Fixtures.FixtureScheme;

/// <summary>Options of the <c>fixture-scale</c> scheme.</summary>
/// <param name="Factor">The weight applied to the mean logit.</param>
public sealed record FixtureScaleOptions(double Factor = 0.5);
