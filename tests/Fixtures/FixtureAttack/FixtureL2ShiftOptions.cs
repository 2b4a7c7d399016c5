namespace Neuromorph.Fixtures.FixtureAttack;

/// <summary>Options of <c>fixture-l2-shift</c>.</summary>
/// <param name="Epsilon">The L2 length of the shift of each sample, before clipping to [0, 1].</param>
public sealed record FixtureL2ShiftOptions(double Epsilon = 0.5);
