using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Plugins.Neurons;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Neurons;

public sealed class MultiDimensionalInputTests
{
    private const int Timesteps = 6;
    private static readonly long[] NeuronShape = [2, 3, 2, 2];

    [Theory]
    [InlineData(2.0, 1.0, ResetMode.Soft)]
    [InlineData(2.0, 1.0, ResetMode.Hard)]
    [InlineData(3.0, 0.7, ResetMode.Soft)]
    public void Run_FourDimensionalLayer_EveryElementFollowsTheScalarDynamics(double tau, double threshold, ResetMode reset)
    {
        using var scope = NewDisposeScope();
        var count = (int)NeuronShape.Aggregate(1L, (a, b) => a * b);
        var random = new Random(7);
        var values = Enumerable.Range(0, Timesteps * count).Select(_ => random.NextDouble() * 3.0 - 0.5).ToArray();
        var inputs = tensor(values, dtype: float64).reshape([Timesteps, .. NeuronShape]);
        INeuronModel lif = new LifNeuron(new LifOptions(tau, threshold, reset), SurrogateGradients.Create("atan", 0));

        var spikes = lif.Run(inputs);

        spikes.shape.Should().Equal([Timesteps, .. NeuronShape]);
        var actual = spikes.reshape(Timesteps, count).data<double>().ToArray();
        for (var n = 0; n < count; n++)
        {
            var sequence = Enumerable.Range(0, Timesteps).Select(t => values[t * count + n]).ToArray();
            var expected = ScalarLifReference.Simulate(sequence, tau, threshold, reset == ResetMode.Hard).Spikes;
            Enumerable.Range(0, Timesteps).Select(t => actual[t * count + n]).Should().Equal(expected, "neuron {0}", n);
        }
        actual.Sum().Should().BeGreaterThan(0, "the inputs are strong enough for some spikes");
    }

    [Fact]
    public void Step_StateShapedUnlikeInput_ThrowsInsteadOfBroadcasting()
    {
        using var scope = NewDisposeScope();
        var neuron = new IfNeuron(new IfOptions(), SurrogateGradients.Create("atan", 0));
        var state = neuron.CreateState(zeros(2, 3));

        var step = () => neuron.Step(zeros(4, 2, 3), state);

        step.Should().Throw<ArgumentException>().WithMessage("*[2, 3]*[4, 2, 3]*");
    }
}
