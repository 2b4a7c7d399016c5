using Neuromorph.Abstractions;

namespace Neuromorph.Fixtures.FixtureOldContract;

/// <summary>A scheme written against the old contract; the host must refuse to load it.</summary>
[Plugin("old-scale")]
internal sealed class OldScale : IDistillationScheme
{
    public double Compute(double[] timestepScores) => timestepScores.Average();
}
