using Neuromorph.Engine.Network;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Firing;

/// <summary>Per-timestep spike sums, in managed code where the spikes lie in one block of CPU memory and in libtorch elsewhere.</summary>
public sealed class SpikeSumsTests
{
    // [T = 2, B = 3, 2 neurons] (9 neurons in the long version): t = 0 has 1, 2, 0 spikes per sample, t = 1 has 2, 0, 1.
    private static readonly float[] Values = [1, 0, 1, 1, 0, 0, /* t = 1 */ 1, 1, 0, 0, 0, 1];

    public static TheoryData<string> Layouts() => ["float32", "float64", "bool", "float16", "transposed", "long rows"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void PerTimestep_AnyLayout_GivesTheCountsByHand(string layout)
    {
        using var scope = NewDisposeScope();
        var spikes = tensor(Values, [2, 3, 2]);
        spikes = layout switch
        {
            "float64" => spikes.to(float64),
            "bool" => spikes.to(ScalarType.Bool),
            "float16" => spikes.to(float16),
            // The same values, not in one block of memory: the libtorch path.
            "transposed" => spikes.transpose(0, 2).contiguous().transpose(0, 2),
            // 9 neurons a sample: a full vector of 8 lanes and a remainder, the extra neurons silent.
            "long rows" => cat([spikes, zeros(2, 3, 7)], 2),
            _ => spikes,
        };

        SpikeSums.PerTimestep(spikes, sampleStride: 1).Should().Equal(3, 3);
        // Samples 0 and 2.
        SpikeSums.PerTimestep(spikes, sampleStride: 2).Should().Equal(1, 3);
        SpikeSums.PerTimestep(spikes, sampleStride: 3).Should().Equal(1, 2);
    }

    [Fact]
    public void PerTimestep_ManyNeurons_CountsEverySpikeExactly()
    {
        using var scope = NewDisposeScope();
        // 3·10^6 neurons a sample, every one firing at t = 0 and every third at t = 1.
        var spikes = stack([ones(2, 3_000_000), (arange(3_000_000) % 3 == 0).to(float32).expand(2, -1)]);

        SpikeSums.PerTimestep(spikes, sampleStride: 1).Should().Equal(6_000_000, 2_000_000);
    }
}
