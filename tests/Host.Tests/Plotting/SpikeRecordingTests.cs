using Neuromorph.Host.Cli;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plotting;
using Neuromorph.Host.Tests.Cli;
using static TorchSharp.torch;

namespace Neuromorph.Host.Tests.Plotting;

/// <summary>The spikes the raster shows, captured by forward hooks on a trained network's spiking layers.</summary>
public sealed class SpikeRecordingTests(TrainedTinyRun trained) : IClassFixture<TrainedTinyRun>
{
    [Fact]
    public void Choose_LargeLayer_SpreadsDistinctNeuronsOverTheLayerNotOnOnePixelOfEachChannel()
    {
        var chosen = SpikeRecording.Choose(16 * 28 * 28, 32);

        chosen.Should().HaveCount(32).And.OnlyHaveUniqueItems().And.BeInAscendingOrder();
        chosen.Should().OnlyContain(i => i >= 0 && i < 16 * 28 * 28);
        chosen.Select(i => i / 784).Distinct().Should().HaveCountGreaterThan(12, "they reach most of the 16 channels");
        chosen.Select(i => i % 28).Distinct().Should().HaveCountGreaterThan(8, "and many image columns, not one");
        SpikeRecording.Choose(16 * 28 * 28, 32).Should().Equal(chosen, "the choice is the same every time");
        SpikeRecording.Choose(20, 32).Should().Equal(Enumerable.Range(0, 20).Select(i => (long)i));
    }

    [Fact]
    public void Of_TrainedTinyRun_HoldsEachLayersSpikesInTimestepOrder()
    {
        var (runDirectory, checkpoint) = TrainedRun.Open(trained.RunDir, "best");
        using var experiment = ExperimentFactory.Create(ConfigurationLoader.Load(runDirectory.ConfigPath, []));
        TrainedRun.Load(checkpoint, experiment, TextWriter.Null);
        var network = experiment.Network;
        using var batches = experiment.CreateTestBatches(1);
        var recording = SpikeRecording.Of(network, batches.Epoch(0).First(), SpikeRaster.NeuronsPerLayer);

        recording.Index.Should().Be(0);
        recording.Timesteps.Should().Be(2);
        recording.Layers.Select(l => l.Layer).Should().Equal("spike1", "spike2", "spike3");
        recording.Layers.Select(l => l.Neurons).Should().Equal(4 * 28 * 28, 8 * 14 * 14, 32);
        recording.Layers[0].Chosen.Should().Equal(SpikeRecording.Choose(3136, 32));
        recording.Layers[2].Chosen.Should().Equal(Enumerable.Range(0, 32).Select(j => (long)j));

        // The last spiking layer feeds the classifier: logits(t) = W s(t) + b. Its recorded spikes must give back the
        // network's own logits at each timestep (which fails if timesteps or neurons were read out of order).
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        network.eval();
        var sample = batches.Epoch(0).First();
        var (inputs, _) = Engine.Training.BatchTensors.From(sample, network.InputShape);
        var logits = network.forward(inputs);
        var parameters = network.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var last = recording.Layers[2];
        var spikes = new float[2 * 32];
        for (var t = 0; t < 2; t++)
            for (var j = 0; j < 32; j++)
                spikes[t * 32 + j] = last.Spikes[j, t] ? 1 : 0;
        var rebuilt = nn.functional.linear(tensor(spikes, [2, 32]), parameters["body.fc2.weight"], parameters["body.fc2.bias"]);
        rebuilt.allclose(logits.reshape(2, -1), rtol: 1e-5, atol: 1e-5).Should().BeTrue();
        last.Spikes.Cast<bool>().Count(s => s).Should().BeGreaterThan(0, "the hidden layer of a trained network fires");
        Enumerable.Range(0, 32).Any(j => last.Spikes[j, 0] != last.Spikes[j, 1]).Should().BeTrue("the two timesteps differ, so an exchange of them would show");
        last.FiringRate.Should().Be(last.Spikes.Cast<bool>().Count(s => s) / 64.0, "every neuron of a 32-neuron layer is shown");
    }
}
