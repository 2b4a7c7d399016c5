namespace Neuromorph.Fixtures.FixtureAttackOn11;

/// <summary>Options of <c>legacy-shift</c>.</summary>
/// <param name="Epsilon">How much every input value is raised.</param>
public sealed record LegacyShiftOptions(double Epsilon = 8.0 / 255);
