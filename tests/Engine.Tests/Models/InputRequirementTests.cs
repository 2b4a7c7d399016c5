using Neuromorph.Engine.Models;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.ModelZoo;

/// <summary>Inputs an architecture's pooling cannot take are refused with a message before any native call.</summary>
public sealed class InputRequirementTests
{
    [Theory]
    // Five 2×2 poolings: 2^5 = 32.
    [InlineData("vgg11", 28, "model 'vgg11' halves its input 5 times (2x2 average pooling), so it needs images of at least 32x32, but the input is 1x28x28")]
    // Four: 2^4 = 16.
    [InlineData("vggsnn", 15, "model 'vggsnn' halves its input 4 times (2x2 average pooling), so it needs images of at least 16x16, but the input is 1x15x15")]
    // Three: 2^3 = 8.
    [InlineData("vgg9", 7, "model 'vgg9' halves its input 3 times (2x2 average pooling), so it needs images of at least 8x8, but the input is 1x7x7")]
    [InlineData("csnn", 30, "model 'csnn' needs an input height and width divisible by 4, but the input is 1x30x30")]
    public void InputProblem_TooSmallOrIndivisible_NamesTheModelTheNeedAndTheInput(string name, long side, string expected)
    {
        var spec = ModelSpecs.For(name, [1, side, side]);

        ModelCatalog.InputProblem(spec).Should().Be(expected);
        FluentActions.Invoking(() => ModelSpecs.Build(spec)).Should().Throw<ArgumentException>().WithMessage(expected + ".*");
    }

    [Theory]
    [InlineData("vgg11", 32)]
    [InlineData("vggsnn", 16)]
    [InlineData("vgg9", 8)]
    // Pooling rounds down: 28 → 14 → 7 → 3.
    [InlineData("vgg9", 28)]
    [InlineData("resnet19", 5)]
    [InlineData("sew-resnet34", 28)]
    public void InputProblem_SmallestAcceptedSizes_BuildAndRun(string name, long side)
    {
        using var scope = NewDisposeScope();
        var spec = ModelSpecs.For(name, [1, side, side], width: 2, timesteps: 1);

        ModelCatalog.InputProblem(spec).Should().BeNull();
        ModelSpecs.Build(spec).forward(rand(2, 1, side, side)).shape.Should().Equal(1, 2, 10);
    }

    [Fact]
    public void Build_UnknownModel_ListsTheKnownOnes()
    {
        FluentActions.Invoking(() => ModelSpecs.Build(ModelSpecs.For("resnet50", [3, 32, 32])))
            .Should().Throw<ArgumentException>()
            .WithMessage("Unknown model 'resnet50'. Known models: csnn, vgg9, vgg11, vggsnn, ms-resnet18, resnet19, sew-resnet34, spiking-resnet18.");
    }

    [Fact]
    public void Build_NegativeWidth_IsRefused()
    {
        FluentActions.Invoking(() => ModelSpecs.Build(ModelSpecs.For("vgg9", [3, 32, 32], width: -1)))
            .Should().Throw<ArgumentOutOfRangeException>();
    }
}
