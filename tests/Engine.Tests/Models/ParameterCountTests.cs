using Neuromorph.Engine.Models;
using Neuromorph.Engine.Tests.Network;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.ModelZoo;

/// <summary>
/// Parameter counts pinned to the published architectures. Conventions of the hand computations: a k×k convolution
/// has k·k·Cin·Cout weights (no bias: a batch norm follows), a batch norm 2·C, a fully connected layer in·out + out;
/// w is the base width, C the input channels, K the classes. Spiking layers of the test neuron add nothing.
/// </summary>
public sealed class ParameterCountTests
{
    [Fact]
    public void SpikingResNet18_ImageNet_HasTorchvisionResNet18Parameters()
    {
        using var scope = NewDisposeScope();
        // torchvision.models.resnet18(): 11,689,512 parameters (its published model card). The same layers: 7×7 stem,
        // [2, 2, 2, 2] basic blocks with 1×1 downsampling shortcuts, FC 512 → 1000.
        ModelSpecs.ParameterCount(ModelSpecs.Build(ModelSpecs.For("spiking-resnet18", [3, 224, 224], classes: 1000)))
            .Should().Be(11_689_512);
    }

    [Fact]
    public void MsResNet18_ImageNet_HasResNet18Parameters()
    {
        using var scope = NewDisposeScope();
        // Membrane shortcuts reorder ResNet-18's layers but hold the same weights: torchvision's 11,689,512.
        ModelSpecs.ParameterCount(ModelSpecs.Build(ModelSpecs.For("ms-resnet18", [3, 224, 224], classes: 1000)))
            .Should().Be(11_689_512);
    }

    [Theory]
    [InlineData("ms-resnet18")]
    [InlineData("spiking-resnet18")]
    public void ResNet18_Cifar_HasTheCifarResNet18Parameters(string name)
    {
        using var scope = NewDisposeScope();
        // The CIFAR stem (3×3 stride 1, 3·64·9 = 1,728 instead of 7·7·3·64 = 9,408) and a 10-class FC
        // (512·10 + 10 = 5,130 instead of 513,000): 11,689,512 − 7,680 − 507,870 = 11,173,962, the usual CIFAR ResNet-18.
        ModelSpecs.ParameterCount(ModelSpecs.Build(ModelSpecs.For(name, [3, 32, 32]))).Should().Be(11_173_962);
    }

    [Fact]
    public void SewResNet34_ImageNet_HasTorchvisionResNet34Parameters()
    {
        using var scope = NewDisposeScope();
        // torchvision.models.resnet34(): 21,797,672 parameters; SEW's spiking layers (also the one in each downsample
        // block) add none.
        ModelSpecs.ParameterCount(ModelSpecs.Build(ModelSpecs.For("sew-resnet34", [3, 224, 224], classes: 1000)))
            .Should().Be(21_797_672);
    }

    [Fact]
    public void SewResNet34_Cifar_HasTheCifarResNet34Parameters()
    {
        using var scope = NewDisposeScope();
        // 21,797,672 − (9,408 − 1,728) stem − (513,000 − 5,130) FC = 21,282,122, the usual CIFAR ResNet-34.
        ModelSpecs.ParameterCount(ModelSpecs.Build(ModelSpecs.For("sew-resnet34", [3, 32, 32]))).Should().Be(21_282_122);
    }

    [Fact]
    public void ResNet19_Cifar10_MatchesTheLayerByLayerCount()
    {
        using var scope = NewDisposeScope();
        // Zheng et al. 2021, Table: conv3×3 128; [3×3 128, 3×3 128]×3; [3×3 256, 3×3 256]×3; [3×3 512, 3×3 512]×2;
        // average pool; FC 256; FC 10.
        // stem: 3·128·9 = 3,456 + BN 256                                                     =      3,712
        // stage 1: 3 × (2·128·128·9 = 294,912 + 2 BN 512)                                       =    886,272
        // stage 2: 128·256·9 = 294,912 + 256·256·9 = 589,824 + 1×1 shortcut 128·256 = 32,768 + 3 BN 1,536
        //          = 919,040; then 2 × (2·589,824 + 1,024) = 2,361,344                           =  3,280,384
        // stage 3: 256·512·9 = 1,179,648 + 512·512·9 = 2,359,296 + 256·512 = 131,072 + 3 BN 3,072
        //          = 3,673,088; then 2·2,359,296 + 2,048 = 4,720,640                             =  8,393,728
        // FC 512·256 + 256 = 131,328; FC 256·10 + 10 = 2,570                                     =    133,898
        // total                                                                                  = 12,697,994
        ModelSpecs.ParameterCount(ModelSpecs.Build(ModelSpecs.For("resnet19", [3, 32, 32]))).Should().Be(12_697_994);
    }

    [Fact]
    public void Vgg9_Cifar10_MatchesTheLayerByLayerCount()
    {
        using var scope = NewDisposeScope();
        // Lee et al. 2020 / BNTT: 64C3-64C3-AP2-128C3-128C3-AP2-256C3-256C3-256C3-AP2-FC1024-FC10.
        // convolutions: 9·(3·64 + 64·64 + 64·128 + 128·128 + 128·256 + 256·256 + 256·256) = 9·192,704 = 1,734,336
        // their BNs: 2·(64 + 64 + 128 + 128 + 256 + 256 + 256) = 2,304
        // FC 256·4·4 = 4,096 → 1,024: 4,194,304; its BN 2,048; FC 1,024·10 + 10 = 10,250
        // total 1,734,336 + 2,304 + 4,194,304 + 2,048 + 10,250 = 5,943,242
        ModelSpecs.ParameterCount(ModelSpecs.Build(ModelSpecs.For("vgg9", [3, 32, 32]))).Should().Be(5_943_242);
    }

    [Fact]
    public void Vgg9_EventFrames48_MatchesTheLayerByLayerCount()
    {
        using var scope = NewDisposeScope();
        // Two polarity channels at 48×48: the first convolution 2·64·9 = 1,152 (not 1,728) and the hidden FC sees
        // 256·6·6 = 9,216 features: 9,216·1,024 = 9,437,184 (not 4,194,304).
        // 5,943,242 − 1,728 + 1,152 − 4,194,304 + 9,437,184 = 11,185,546
        ModelSpecs.ParameterCount(ModelSpecs.Build(ModelSpecs.For("vgg9", [2, 48, 48]))).Should().Be(11_185_546);
    }

    [Fact]
    public void Vgg11_Cifar10_MatchesTheLayerByLayerCount()
    {
        using var scope = NewDisposeScope();
        // Configuration A: 64, M, 128, M, 256, 256, M, 512, 512, M, 512, 512, M, then FC 512 → 10.
        // convolutions: 9·(3·64 + 64·128 + 128·256 + 256·256 + 256·512 + 3·512·512) = 9·1,024,192 = 9,217,728
        // BNs: 2·(64 + 128 + 256 + 256 + 4·512) = 5,504; FC 512·10 + 10 = 5,130
        // total 9,228,362 (the common CIFAR VGG-11, 9,231,114, has conv biases: + 2,752)
        ModelSpecs.ParameterCount(ModelSpecs.Build(ModelSpecs.For("vgg11", [3, 32, 32]))).Should().Be(9_228_362);
    }

    [Fact]
    public void VggSnn_Cifar10Dvs48_MatchesTheLayerByLayerCount()
    {
        using var scope = NewDisposeScope();
        // Deng et al. 2022: 64C3-128C3-AP2-256C3-256C3-AP2-512C3-512C3-AP2-512C3-512C3-AP2-FC on 2×48×48.
        // convolutions: 9·(2·64 + 64·128 + 128·256 + 256·256 + 256·512 + 3·512·512) = 9·1,024,128 = 9,217,152
        // BNs: 2·(64 + 128 + 256 + 256 + 4·512) = 5,504; FC 512·3·3·10 + 10 = 46,090
        // total 9,268,746 (TET's code adds conv biases: + 2,752)
        ModelSpecs.ParameterCount(ModelSpecs.Build(ModelSpecs.For("vggsnn", [2, 48, 48]))).Should().Be(9_268_746);
    }

    [Fact]
    public void ResNet19_Width4_ScalesEveryLayerWithTheBaseWidth()
    {
        using var scope = NewDisposeScope();
        // The count above in terms of w: 9·C·w + 774w² + 84w + 2w·K + K (stem 9·C·w + 2w; stages 54w² + 12w,
        // 200w² + 28w, 512w² + 40w; FC 8w² + 2w and 2w·K + K), 12,697,994 at w = 128; at w = 4:
        // 108 + 12,384 + 336 + 80 + 10 = 12,918
        ModelSpecs.ParameterCount(ModelSpecs.Build(ModelSpecs.For("resnet19", [3, 32, 32], width: 4))).Should().Be(12_918);
    }

    [Fact]
    public void Csnn_IsSizedByChannelsAndHiddenNotWidth()
    {
        using var scope = NewDisposeScope();
        // conv1 3·32·9 = 864, BN 64, conv2 32·64·9 = 18,432, BN 128, FC 64·8·8·256 = 1,048,576, FC 256·10 + 10 = 2,570
        ModelSpecs.ParameterCount(ModelSpecs.Build(ModelSpecs.For("csnn", [3, 32, 32]))).Should().Be(1_070_634);
    }

    [Fact]
    public void ParameterCount_OnTheMetaDevice_MatchesTheBuiltNetworkAndCostsNoMemory()
    {
        using var scope = NewDisposeScope();
        var spec = ModelSpecs.For("sew-resnet34", [3, 32, 32]);

        ModelCatalog.ParameterCount(spec, new ThresholdNeuron()).Should().Be(21_282_122);
        // vgg9 on 3×2048×2048: the hidden FC sees 256·256·256 = 16,777,216 features, 16,777,216·1,024 = 17,179,869,184
        // weights (64 GiB as float32, never allocated); + 1,734,336 + 2,304 + 2,048 + 10,250 as at 32×32.
        ModelCatalog.ParameterCount(ModelSpecs.For("vgg9", [3, 2048, 2048]), new ThresholdNeuron())
            .Should().Be(17_181_618_122);
        empty(1).device_type.Should().Be(TorchSharp.DeviceType.CPU, "the default device is restored");
    }
}
