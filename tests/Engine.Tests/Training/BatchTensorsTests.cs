using Neuromorph.Data;
using Neuromorph.Data.Events;
using Neuromorph.Engine.Training;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Training;

public sealed class BatchTensorsTests
{
    /// <summary>
    /// Three samples of T = 2 frames of 2 × 1 × 1: sample i's bytes are (10i, 10i+1, 10i+2, 10i+3) =
    /// (frame 0 OFF, frame 0 ON, frame 1 OFF, frame 1 ON).
    /// </summary>
    private static FrameDataset Frames() => new(
        [0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23], [4, 5, 6], new FrameSettings(2, FrameSplit.Number, 1, 1), 10, "three samples");

    [Fact]
    public void BatchTensors_FrameBatch_IsASequenceTensor()
    {
        using var loader = new BatchLoader(Frames(), batchSize: 2, shuffle: false, seed: 0);
        var batch = loader.Epoch(0).First();
        using var scope = NewDisposeScope();

        var (inputs, labels) = BatchTensors.From(batch, [2, 1, 1]);

        inputs.shape.Should().Equal(2L, 2L, 2L, 1L, 1L);
        inputs[1, 1, 0, 0, 0].item<float>().Should().Be(12f);
        labels.data<long>().ToArray().Should().Equal(4L, 5L);
    }

    [Fact]
    public void BatchTensors_SampleShapeThatDoesNotFit_IsRefusedBeforeAnyNativeCall()
    {
        using var loader = new BatchLoader(Frames(), batchSize: 2, shuffle: false, seed: 0);
        var batch = loader.Epoch(0).First();

        var act = () => BatchTensors.From(batch, [2, 2, 2]);

        act.Should().Throw<ArgumentException>().WithMessage("The batch holds 8 input values of shape [2, 2, 2, 1, 1], which is not [2, 2, 2, 2, 2]*");
    }
}
