using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.ModelZoo;

/// <summary>The spiking layers inside residual blocks belong to the network, which resets and swaps them.</summary>
public sealed class NetworkStructureTests
{
    [Theory]
    // stem 1 + 8 blocks × 2
    [InlineData("spiking-resnet18", 17)]
    // 8 blocks × 2 + the one before the pooling
    [InlineData("ms-resnet18", 17)]
    // stem 1 + 8 blocks × 2 + the hidden FC's
    [InlineData("resnet19", 18)]
    // stem 1 + 16 blocks × 2 + the downsample blocks of stages 2, 3 and 4
    [InlineData("sew-resnet34", 36)]
    // 7 convolutions + the hidden FC's
    [InlineData("vgg9", 8)]
    // 8 convolutions
    [InlineData("vgg11", 8)]
    [InlineData("vggsnn", 8)]
    public void NeuronLayers_IncludeEveryLayerInsideTheBlocks(string name, int expected)
    {
        using var scope = NewDisposeScope();
        var network = ModelSpecs.Build(ModelSpecs.For(name, [3, 32, 32], width: 2));

        network.NeuronLayers.Should().HaveCount(expected);
        network.NeuronLayers.Select(layer => layer.GetName()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void StateDict_NamesBlockLayersByStageAndIndex()
    {
        using var scope = NewDisposeScope();
        var network = ModelSpecs.Build(ModelSpecs.For("resnet19", [3, 32, 32], width: 2));

        network.state_dict().Keys.Should().Contain(
        [
            "encoder.conv1.weight", "encoder.bn1.weight", "body.layer1.0.conv1.weight", "body.layer1.2.bn2.bias",
            "body.layer2.0.downsample.0.weight", "body.layer3.1.conv2.weight", "body.fc1.weight", "body.fc2.bias",
        ]);
        network.state_dict().Keys.Should().NotContain(key => key.StartsWith("body.layer1.0.downsample", StringComparison.Ordinal));
    }
}
