using Neuromorph.Data;
using Neuromorph.Engine.Models;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Engine.Tests.Network;
using Neuromorph.Engine.Tests.Training;
using Neuromorph.Engine.Training;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Firing;

/// <summary>The training step's sample stride: what <c>bench csnn --spike-count-stride</c> varies.</summary>
public sealed class TrainingStepCountingTests
{
    [Theory]
    [InlineData(1, 16)]
    [InlineData(4, 4)]
    [InlineData(0, 0)]
    public void Run_SampleStride_CountsEveryNthSampleOfTheBatchOrNoneAtZero(int stride, long countedSamples)
    {
        manual_seed(5);
        var slots = new RunSlots(
            new ThresholdNeuron(), new NoDistillation(), attack: null,
            new AdjustableSurrogate(SurrogateGradients.Create("rectangular")), baseLearningRate: 0.01);
        var spec = new ModelSpec("csnn", 2, [1, SyntheticImages.Side, SyntheticImages.Side], 10, [4, 8], 16, 0.1, 0.25);
        using var network = ModelCatalog.Build(spec, slots.NeuronModel);
        using var optimizer = OptimizerFactory.Create(new OptimizerSettings("adam", 0.01, WeightDecay: 0), network.parameters());
        using var loader = new BatchLoader(SyntheticImages.Create(16, 1), 16, shuffle: false, 1);
        var step = new TrainingStep(network, optimizer, new Objective(), slots, adversarial: null, stride);
        network.train();

        using var scope = NewDisposeScope();
        var report = step.Run(loader.Epoch(0).First(), 0, 0.01, new StepPhaseTimes());

        if (countedSamples == 0)
            report.Firing.Layers.Should().BeEmpty();
        else
            report.Firing.Layers.Values.Should().OnlyContain(layer => layer.Samples == countedSamples);
        report.Loss.Should().BePositive("the step trained either way");
    }
}
