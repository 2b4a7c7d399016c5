using Neuromorph.Engine.Models;
using Neuromorph.Engine.Network;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.ModelZoo;

/// <summary>Every architecture runs a training step's forward and backward pass on a tiny batch.</summary>
public sealed class ForwardBackwardTests
{
    public static TheoryData<string> ZooModels => new(ModelCatalog.Names.Where(name => name != "csnn"));

    [Theory]
    [MemberData(nameof(ZooModels))]
    public void ForwardBackward_TinyBatch_GivesLogitsPerTimestepAndGradientsAtTheFirstConvolution(string name)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var network = ModelSpecs.Build(ModelSpecs.For(name, [3, 32, 32], width: 4));
        network.train();
        var images = rand(2, 3, 32, 32);
        var labels = tensor(new long[] { 1, 7 });

        var logits = network.forward(images);
        nn.functional.cross_entropy(logits.mean([0]), labels).backward();

        logits.shape.Should().Equal(2, 2, 10);
        var firstConv = network.named_parameters().Single(p => p.name == "encoder.conv1.weight").parameter;
        var gradient = firstConv.grad;
        gradient.Should().NotBeNull();
        isfinite(gradient!).all().item<bool>().Should().BeTrue();
        gradient!.abs().sum().item<float>().Should().BePositive("the loss reaches the first convolution through every spiking layer");
    }

    [Theory]
    [InlineData("ms-resnet18")]
    [InlineData("sew-resnet34")]
    [InlineData("spiking-resnet18")]
    public void Forward_LargeImages_UseTheImageNetStem(string name)
    {
        using var scope = NewDisposeScope();
        var network = ModelSpecs.Build(ModelSpecs.For(name, [3, 128, 128], width: 2, timesteps: 1));

        // 7×7 stride-2 stem and 3×3 stride-2 max pooling: 128 → 64 → 32 before the first stage.
        network.named_parameters().Single(p => p.name == "encoder.conv1.weight").parameter.shape.Should().Equal(2, 3, 7, 7);
        network.named_modules().Select(m => m.name).Should().Contain("body.maxpool");
        network.forward(rand(1, 3, 128, 128)).shape.Should().Equal(1, 1, 10);
    }

    [Theory]
    [InlineData("vggsnn")]
    [InlineData("vgg9")]
    public void Forward_EventFrames48_TakesOneFramePerTimestep(string name)
    {
        using var scope = NewDisposeScope();
        var network = ModelSpecs.Build(ModelSpecs.For(name, [2, 48, 48], width: 2, timesteps: 3));

        network.forward(rand([3, 2, 2, 48, 48])).shape.Should().Equal(3, 2, 10);
    }

    [Theory]
    [InlineData("ms-resnet18")]
    [InlineData("sew-resnet34")]
    [InlineData("spiking-resnet18")]
    [InlineData("vgg9")]
    public void Forward_MultiStepAndSingleStep_GiveTheSameLogits(string name)
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var network = ModelSpecs.Build(ModelSpecs.For(name, [3, 32, 32], width: 4, timesteps: 3));
        var images = rand(2, 3, 32, 32);
        CalibrateBatchNorms(network, images);

        network.Mode = SimulationMode.MultiStep;
        var multi = network.forward(images);
        network.Mode = SimulationMode.SingleStep;
        var single = network.forward(images);

        allclose(multi, single, rtol: 1e-4, atol: 1e-5).Should().BeTrue();
        // The spikes reach the classifier and the neurons' state changes them over time: otherwise the equality
        // would not test the blocks' state handling.
        multi[0].allclose(multi[2]).Should().BeFalse();
    }

    /// <summary>
    /// Puts the network in evaluation mode with batch-norm running statistics taken from one training-mode pass over
    /// <paramref name="images"/>, as after training: with the initial statistics (0 and 1) the deep layers of a fresh
    /// network are silent in evaluation mode.
    /// </summary>
    private static void CalibrateBatchNorms(SpikingNetwork network, Tensor images)
    {
        foreach (var module in network.modules())
        {
            if (module is TorchSharp.Modules.BatchNorm2d norm2d) norm2d.momentum = 1.0;
            if (module is TorchSharp.Modules.BatchNorm1d norm1d) norm1d.momentum = 1.0;
        }
        network.train();
        using (no_grad()) network.forward(images);
        network.eval();
    }
}
