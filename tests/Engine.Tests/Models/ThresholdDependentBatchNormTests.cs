using Neuromorph.Engine.Models;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.ModelZoo;

/// <summary>
/// tdBN (Zheng et al., AAAI 2021) starts every batch-norm weight at α·V_th and, in residual blocks, the two batch norms
/// summed before a neuron (the last of the residual branch and the shortcut's) at α·V_th/√2; plain batch norm at 1.
/// </summary>
public sealed class ThresholdDependentBatchNormTests
{
    // α = 0.5, V_th = 2: α·V_th = 1 would not tell tdBN from plain batch norm, so use α = 0.75, V_th = 2 → 1.5.
    private const double Alpha = 0.75;
    private const double Threshold = 2.0;
    private const double Scaled = Alpha * Threshold;

    [Fact]
    public void TdBN_ResNet19_StartsWeightsAtAlphaVthAndBeforeAdditionsAtAlphaVthOverSqrt2()
    {
        using var scope = NewDisposeScope();
        var network = ModelSpecs.Build(
            ModelSpecs.For("resnet19", [3, 32, 32], width: 2, norm: BatchNormKind.ThresholdDependent, alpha: Alpha, threshold: Threshold));
        var weights = BatchNormWeights(network);

        var beforeAddition = weights.Keys.Where(k => k.EndsWith(".bn2.weight", StringComparison.Ordinal) || k.Contains(".downsample.1.")).ToArray();
        // 8 blocks' second BN, and the shortcuts of stages 2 and 3.
        beforeAddition.Should().HaveCount(10);
        foreach (var key in beforeAddition)
            weights[key].Should().AllSatisfy(w => w.Should().BeApproximately((float)(Scaled / Math.Sqrt(2)), 1e-6f), key);
        foreach (var key in weights.Keys.Except(beforeAddition))
            weights[key].Should().AllSatisfy(w => w.Should().BeApproximately((float)Scaled, 1e-6f), key);
        weights.Keys.Should().Contain(["encoder.bn1.weight", "body.layer1.0.bn1.weight"]);
    }

    [Fact]
    public void TdBN_SewResNet_FeedsEveryBatchNormIntoANeuronSoAllStartAtAlphaVth()
    {
        using var scope = NewDisposeScope();
        var network = ModelSpecs.Build(
            ModelSpecs.For("sew-resnet34", [3, 32, 32], width: 2, norm: BatchNormKind.ThresholdDependent, alpha: Alpha, threshold: Threshold));

        BatchNormWeights(network).Values.SelectMany(w => w).Should().AllSatisfy(w => w.Should().BeApproximately((float)Scaled, 1e-6f));
    }

    [Fact]
    public void TdBN_Vgg9_IncludesTheHiddenFullyConnectedLayersBatchNorm()
    {
        using var scope = NewDisposeScope();
        var network = ModelSpecs.Build(
            ModelSpecs.For("vgg9", [3, 32, 32], width: 2, norm: BatchNormKind.ThresholdDependent, alpha: Alpha, threshold: Threshold));
        var weights = BatchNormWeights(network);

        // 7 convolution BNs and the hidden FC's.
        weights.Should().HaveCount(8).And.ContainKey("body.bn_fc1.weight");
        weights.Values.SelectMany(w => w).Should().AllSatisfy(w => w.Should().BeApproximately((float)Scaled, 1e-6f));
    }

    [Theory]
    [InlineData("csnn")]
    [InlineData("vgg11")]
    [InlineData("ms-resnet18")]
    [InlineData("spiking-resnet18")]
    public void PlainBN_StartsEveryWeightAtOneWhateverTheThreshold(string name)
    {
        using var scope = NewDisposeScope();
        var network = ModelSpecs.Build(ModelSpecs.For(name, [3, 32, 32], width: 2, alpha: Alpha, threshold: Threshold));
        var weights = BatchNormWeights(network);

        weights.Should().NotBeEmpty();
        weights.Values.SelectMany(w => w).Should().AllSatisfy(w => w.Should().Be(1f));
    }

    /// <summary>The weights of every batch norm, by parameter name.</summary>
    private static Dictionary<string, float[]> BatchNormWeights(Neuromorph.Engine.Network.SpikingNetwork network)
    {
        var norms = network.named_modules()
            .Where(m => m.module is TorchSharp.Modules.BatchNorm2d or TorchSharp.Modules.BatchNorm1d)
            .Select(m => m.name + ".weight")
            .ToHashSet();
        return network.named_parameters()
            .Where(p => norms.Contains(p.name))
            .ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray());
    }
}
