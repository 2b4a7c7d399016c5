using Neuromorph.Host.Benchmarks;

namespace Neuromorph.Host.Tests.Benchmarks;

public sealed class CsnnDenseWorkTests
{
    [Fact]
    public void FashionMnist_Batch128T4_CountsTheStepsFlopsByHand()
    {
        var work = CsnnDenseWork.FashionMnist(batch: 128, timesteps: 4);

        // conv1 once per image: 128 images · 32 out · 28·28 · 1 in · 9 = 28,901,376 multiply-adds.
        work.Conv1MultiplyAdds.Should().Be(28_901_376);
        // conv2 on T·B = 512 rows: 512 · 64 out · 14·14 · 32 in · 9 = 1,849,688,064.
        work.Conv2MultiplyAdds.Should().Be(1_849_688_064);
        // fc1 3136 → 256 and fc2 256 → 10 on 512 rows: 512 · (802,816 + 2,560) = 412,352,512.
        work.LinearMultiplyAdds.Should().Be(412_352_512);
        // 2 FLOPs per multiply-add; conv1 forward + weight gradient, the others forward + two gradients:
        // 2·(2·28,901,376 + 3·1,849,688,064) + 2·3·412,352,512 = 11,213,733,888 + 2,474,115,072.
        work.ConvolutionTrainingFlops.Should().Be(11_213_733_888);
        work.MatmulTrainingFlops.Should().Be(2_474_115_072);
        work.TrainingFlops.Should().Be(13_687_848_960);
    }

    [Fact]
    public void TinyNetwork_CountsEveryLayer()
    {
        // 1×4×4 input, one channel everywhere, 1 hidden unit, 1 class: conv1 16·9 = 144, conv2 2·2·9 = 36,
        // fc1 1·1 + fc2 1·1 = 2 multiply-adds; 2·(2·144 + 3·36) + 6·2 = 804 FLOPs.
        var work = new CsnnDenseWork(Batch: 1, Timesteps: 1, InChannels: 1, Height: 4, Width: 4, Channels1: 1, Channels2: 1, Hidden: 1, Classes: 1);

        (work.Conv1MultiplyAdds, work.Conv2MultiplyAdds, work.LinearMultiplyAdds).Should().Be((144L, 36L, 2L));
        work.TrainingFlops.Should().Be(804);
    }

    [Fact]
    public void Measure_SmallShapes_GivesPositiveTimes()
    {
        var work = new CsnnDenseWork(Batch: 2, Timesteps: 2, InChannels: 1, Height: 8, Width: 8, Channels1: 2, Channels2: 4, Hidden: 8, Classes: 3);

        var (convolution, matmul) = work.Measure(repeats: 3);

        convolution.Should().BePositive();
        matmul.Should().BePositive();
    }
}
