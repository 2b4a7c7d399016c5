using Neuromorph.Data;
using Neuromorph.Engine.Models;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Tests.Plugins.Doubles;

namespace Neuromorph.Host.Tests.Composition;

public sealed class MemoryEstimateTests
{
    private const double MiB = 1 << 20;

    /// <summary>csnn at its defaults (channels [32, 64], hidden 256) on 1×28×28, T = 4.</summary>
    private static readonly ModelSpec Csnn = new("csnn", 4, [1, 28, 28], 10, [32, 64], 256, 0.5, 0.25);

    // csnn's layer outputs per sample, by hand: the encoder once (normalize 784, conv1 and bn1 32·784 each), the body T
    // times (spike1 32·784, pool1 32·196, conv2, bn2, spike2 64·196 each, pool2 and flatten 64·49 each, fc1 and spike3 256
    // each, fc2 10): 50,960 + 4·75,786 = 354,104. Parameters: 288 + 64 + 18,432 + 128 + 802,816 + 2,570 = 824,298.
    private const long CsnnElements = 354_104;
    private const long CsnnParameters = 824_298;

    [Theory]
    // The bench model peaks of the calibration (MiB, less the 192 MiB the host holds before any model): the estimate
    // must never be below them, and not far above.
    [InlineData("csnn", 1, 28, 64, 563.5)]
    [InlineData("csnn", 1, 28, 256, 1340.3)]
    [InlineData("vgg9", 3, 32, 16, 885.7)]
    [InlineData("vgg9", 3, 32, 64, 2115.8)]
    [InlineData("resnet19", 3, 32, 8, 2094.0)]
    [InlineData("resnet19", 3, 32, 32, 5469.1)]
    public void For_TheCalibrationRuns_IsAtLeastTheMeasuredPeakAndAtMost40PercentAbove(string model, int channels, int side, int batch, double peakMiB)
    {
        var spec = new ModelSpec(model, 4, [channels, side, side], 10, [32, 64], 256, 0.5, 0.25);
        var splits = new DatasetSplits(new ShapeOnlySamples(50_000, channels, side, side), new ShapeOnlySamples(10_000, channels, side, side));

        var estimate = MemoryEstimate.For(spec, NewNeuron(), new DataSection(BatchSize: batch, TestBatchSize: 1), splits);

        var measured = (peakMiB - 192) * MiB;
        estimate.Bytes.Should().BeGreaterThanOrEqualTo(measured).And.BeLessThanOrEqualTo(1.4 * measured);
    }

    [Fact]
    public void For_Csnn_AddsParametersLayerOutputsAndQueuedInputs()
    {
        // Training batch 100: 12 bytes per element kept, plus prefetch 4 + workers 2 + 1 queued input batches of 784 floats.
        // Evaluation batch 50 of the 30 test samples: the whole split, 5 bytes per element.
        var splits = new DatasetSplits(new ShapeOnlySamples(1000, 1, 28, 28), new ShapeOnlySamples(30, 1, 28, 28));

        var estimate = MemoryEstimate.For(Csnn, NewNeuron(), new DataSection(BatchSize: 100, TestBatchSize: 50), splits);

        estimate.Parameters.Should().Be(CsnnParameters);
        estimate.Training.Should().Be(new MemoryEstimate.Phase("data.batch_size", 100, 100, 100 * (12.0 * CsnnElements + 7 * 784 * 4)));
        estimate.Evaluation.Should().Be(new MemoryEstimate.Phase("data.test_batch_size", 50, 30, 30 * (5.0 * CsnnElements + 7 * 784 * 4)));
        estimate.Bytes.Should().Be(64 * MiB + 64.0 * CsnnParameters + estimate.Training.Bytes);
    }

    [Fact]
    public void RejectAbove_MoreThanAvailable_SaysHowMuchWhereFromAndWhichKeysToLower()
    {
        var splits = new DatasetSplits(new ShapeOnlySamples(60_000, 1, 28, 28), new ShapeOnlySamples(10_000, 1, 28, 28));
        var estimate = MemoryEstimate.For(Csnn, NewNeuron(), new DataSection(BatchSize: 1000, TestBatchSize: 10), splits);
        // 1000·(12·354,104 + 7·3,136) = 4,271,200,000 bytes = 3.98 GiB of layer outputs; 64 MiB + 64·824,298 = 114 MiB.

        var reject = () => estimate.RejectAbove(new AvailableMemory(2L << 30, "what the test allows"));

        reject.Should().Throw<ConfigurationException>().Which.Message.Should().Be(
            "model \"csnn\" needs about 4.1 GiB of memory, estimated before allocating any of it: 114 MiB for its 824,298 parameters "
            + "with their gradients and optimizer state, and 4.0 GiB for the layer outputs a training step keeps for its backward pass "
            + "(data.batch_size = 1000, model.timesteps = 4). Only 2.0 GiB is available (what the test allows): lower data.batch_size, "
            + "model.timesteps, model.channels or model.hidden.");
    }

    [Fact]
    public void RejectAbove_EnoughOrNoFigure_Accepts()
    {
        var splits = new DatasetSplits(new ShapeOnlySamples(100, 1, 28, 28), new ShapeOnlySamples(100, 1, 28, 28));
        var estimate = MemoryEstimate.For(Csnn, NewNeuron(), new DataSection(), splits);

        estimate.Invoking(e => e.RejectAbove(new AvailableMemory((long)estimate.Bytes + 1, "enough"))).Should().NotThrow();
        estimate.Invoking(e => e.RejectAbove(null)).Should().NotThrow();
    }

    [Fact]
    public void For_BatchWhoseValuesOverflowAnArray_NamesTheKeyAndTheLargestThatFits()
    {
        // image-folder at image_size 4096: 3·4096² = 50,331,648 values a sample; 100 of them are 5,033,164,800 values,
        // and an array holds at most 2,147,483,591, i.e. 42 samples.
        var images = new ShapeOnlySamples(1000, 3, 4096, 4096);
        var spec = new ModelSpec("vgg11", 1, [3, 4096, 4096], 10, [32, 64], 256, 0.5, 0.25, width: 1);

        var estimate = () => MemoryEstimate.For(spec, NewNeuron(), new DataSection(BatchSize: 100), new DatasetSplits(images, images));

        estimate.Should().Throw<ConfigurationException>().Which.Message.Should().Be(
            "data.batch_size = 100 makes batches of 5,033,164,800 input values, more than one array can hold (2,147,483,591): "
            + "it must be at most 42 for 1000 samples of 3x4096x4096.");
    }

    private static ThresholdNeuron NewNeuron() => new(new ThresholdNeuronOptions());
}
