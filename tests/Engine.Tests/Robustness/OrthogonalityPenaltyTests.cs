using Neuromorph.Engine.Robustness;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Robustness;

public sealed class OrthogonalityPenaltyTests
{
    [Fact]
    public void Compute_OrthonormalRowsAndOneDimensionalParameters_CostNothing()
    {
        using var scope = NewDisposeScope();
        var rotation = new Parameter(tensor(new float[] { 0.6f, -0.8f, 0.8f, 0.6f }, [2, 2]));
        var bias = new Parameter(tensor(new float[] { 5, 7 }));

        new OrthogonalityPenalty([rotation, bias], 1).Compute().item<float>().Should().BeApproximately(0, 1e-6f);
    }

    [Fact]
    public void Compute_MatchesTheFormulaByHand()
    {
        using var scope = NewDisposeScope();
        // W = [[1, 2, 0], [0, 1, 1]] (2 rows ≤ 3 columns): W Wᵀ = [[5, 2], [2, 2]], minus I = [[4, 2], [2, 1]],
        // squared sum = 16 + 4 + 4 + 1 = 25.
        var wide = new Parameter(tensor(new float[] { 1, 2, 0, 0, 1, 1 }, [2, 3]));
        // A 3x1x1x1 kernel, reshaped to [3, 1] (3 rows > 1 column): Wᵀ W = [1 + 4 + 4] = 9, minus 1 = 8, squared 64.
        var kernel = new Parameter(tensor(new float[] { 1, 2, 2 }, [3, 1, 1, 1]));

        var penalty = new OrthogonalityPenalty([wide, kernel], 0.5).Compute();

        penalty.item<float>().Should().BeApproximately(0.5f * (25 + 64), 1e-4f);
        penalty.backward();
        // d/dW ‖W Wᵀ − I‖² = 4 (W Wᵀ − I) W = 4 [[4, 2], [2, 1]] [[1, 2, 0], [0, 1, 1]] = [[16, 40, 8], [8, 20, 4]], times β.
        wide.grad!.data<float>().ToArray().Should().Equal(8, 20, 4, 4, 10, 2);
    }

    [Fact]
    public void Constructor_NegativeWeight_Throws() =>
        FluentActions.Invoking(() => new OrthogonalityPenalty([], -1)).Should().Throw<ArgumentOutOfRangeException>();
}
