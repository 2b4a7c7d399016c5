using Neuromorph.Engine.Network;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Network;

public sealed class NormalizationTests
{
    [Fact]
    public void Forward_PerChannel_StandardisesEachChannelWithItsOwnValues()
    {
        using var scope = NewDisposeScope();
        using var normalization = new Normalization([0.5, 0.25, 0.0], [0.5, 0.25, 2.0]);
        // One sample of 3 channels, 1x2 pixels: channel 0 = [1, 0], channel 1 = [0.25, 0.75], channel 2 = [1, -1].
        var input = tensor(new float[] { 1, 0, 0.25f, 0.75f, 1, -1 }, [1, 3, 1, 2]);

        var output = normalization.forward(input);

        // (1 − 0.5)/0.5 = 1, (0 − 0.5)/0.5 = −1; (0.25 − 0.25)/0.25 = 0, (0.75 − 0.25)/0.25 = 2; 1/2 = 0.5, −1/2 = −0.5.
        output.shape.Should().Equal(1L, 3L, 1L, 2L);
        output.data<float>().ToArray().Should().Equal(1f, -1f, 0f, 2f, 0.5f, -0.5f);
    }

    [Fact]
    public void Forward_OneChannelValues_ApplyToEveryValue()
    {
        using var scope = NewDisposeScope();
        using var normalization = new Normalization(0.5, 0.25);

        var output = normalization.forward(tensor(new float[] { 0, 0.5f, 1, 0.75f }, [2, 2, 1, 1]));

        output.data<float>().ToArray().Should().Equal(-2f, 0f, 2f, 1f);
    }

    [Fact]
    public void Forward_InputWithAnotherChannelCount_ThrowsBeforeAnyNativeCall()
    {
        using var scope = NewDisposeScope();
        using var normalization = new Normalization([0.5, 0.5, 0.5], [0.2, 0.2, 0.2]);

        var act = () => normalization.forward(zeros(2, 1, 4, 4));

        act.Should().Throw<ArgumentException>().WithMessage("The normalisation has 3 channels but its input has shape [2, 1, 4, 4]*");
    }
}
