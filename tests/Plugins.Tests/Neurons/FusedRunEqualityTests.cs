using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Plugins.Neurons;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Neurons;

/// <summary>
/// The fused <c>Run</c> of LIF and IF against the step-by-step autograd loop over <c>Step</c>: equal spikes and
/// input gradients (relative error, max-abs over max-abs, below 1e-5 in float32 and 1e-12 in float64) for a loss
/// sum(S·R) with random R, on [T, B, C, H, W] and [T, B, N] inputs, T = 1, 4, 16, every built-in surrogate,
/// both reset modes, with and without detach_reset.
/// </summary>
public sealed class FusedRunEqualityTests
{
    private static readonly long[][] StepShapes = [[2, 3, 4, 4], [3, 11]];
    private static readonly int[] Timesteps = [1, 4, 16];

    /// <summary>neuron × surrogate × reset × detach_reset × element type.</summary>
    public static TheoryData<string, string, ResetMode, bool, string> Cases()
    {
        var data = new TheoryData<string, string, ResetMode, bool, string>();
        foreach (var neuron in new[] { "lif tau=2 theta=1", "lif tau=3 theta=0.7", "if theta=1" })
        foreach (var surrogate in SurrogateGradients.Names)
        foreach (var reset in new[] { ResetMode.Soft, ResetMode.Hard })
        foreach (var detach in new[] { false, true })
        foreach (var dtype in new[] { "float32", "float64" })
            data.Add(neuron, surrogate, reset, detach, dtype);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_Fused_EqualsSteppingInSpikesAndInputGradients(string neuron, string surrogate, ResetMode reset, bool detachReset, string elementType)
    {
        var dtype = elementType == "float32" ? float32 : float64;
        var tolerance = dtype == float32 ? 1e-5 : 1e-12;
        var seed = 0;
        foreach (var stepShape in StepShapes)
        foreach (var timesteps in Timesteps)
        {
            using var scope = NewDisposeScope();
            seed++;
            var counting = new CountingSurrogate(SurrogateGradients.Create(surrogate, 0));
            var model = Create(neuron, reset, detachReset, counting);
            long[] shape = [timesteps, .. stepShape];
            var inputs = SteppedReference.Uniform(seed, dtype, -0.5, 2.5, shape);
            var weights = SteppedReference.Uniform(1000 + seed, dtype, -1, 1, shape);

            var fusedInputs = inputs.clone().requires_grad_(true);
            var fused = model.Run(fusedInputs);
            counting.SpikeCalls.Should().Be(0, "the fused run does not step through the spike function");
            (fused * weights).sum().backward();

            var steppedInputs = inputs.clone().requires_grad_(true);
            var stepped = SteppedReference.Run(model, steppedInputs);
            counting.SpikeCalls.Should().Be(timesteps, "the reference steps");
            (stepped * weights).sum().backward();

            var context = $"{neuron}, {surrogate}, {reset}, detach={detachReset}, {elementType}, [{string.Join(", ", shape)}]";
            fused.dtype.Should().Be(dtype);
            SteppedReference.SameValues(fused, stepped).Should().BeTrue("the spikes are equal ({0})", context);
            SteppedReference.RelativeError(fusedInputs.grad!, steppedInputs.grad!).Should().BeLessThan(tolerance, context);
            stepped.sum().to_type(float64).item<double>().Should().BeGreaterThan(0, "some neurons fire ({0})", context);
            steppedInputs.grad!.abs().max().to_type(float64).item<double>().Should().BeGreaterThan(0, "the gradient is not zero ({0})", context);
        }
    }

    [Theory]
    [InlineData("lif tau=3 theta=0.7", ResetMode.Soft, false)]
    [InlineData("lif tau=2 theta=1", ResetMode.Hard, false)]
    [InlineData("if theta=1", ResetMode.Hard, true)]
    public void Run_LayerLargeEnoughToSplitAmongThreads_EqualsStepping(string neuron, ResetMode reset, bool detachReset)
    {
        // 16 × 8 × 1001 elements: enough work for every intra-op thread, in blocks that are no multiple of a SIMD vector.
        using var scope = NewDisposeScope();
        var model = Create(neuron, reset, detachReset, SurrogateGradients.Create("atan", 0));
        var inputs = SteppedReference.Uniform(9, float32, -0.5, 2.5, 16, 8, 1001);
        var weights = SteppedReference.Uniform(10, float32, -1, 1, 16, 8, 1001);

        var fusedInputs = inputs.clone().requires_grad_(true);
        var fused = model.Run(fusedInputs);
        (fused * weights).sum().backward();
        var steppedInputs = inputs.clone().requires_grad_(true);
        var stepped = SteppedReference.Run(model, steppedInputs);
        (stepped * weights).sum().backward();

        SteppedReference.SameValues(fused, stepped).Should().BeTrue();
        SteppedReference.RelativeError(fusedInputs.grad!, steppedInputs.grad!).Should().BeLessThan(1e-5);
    }

    [Theory]
    [InlineData(ResetMode.Soft)]
    [InlineData(ResetMode.Hard)]
    public void Run_NonContiguousInputs_EqualsStepping(ResetMode reset)
    {
        using var scope = NewDisposeScope();
        var model = Create("lif tau=2 theta=1", reset, false, SurrogateGradients.Create("atan", 0));
        var batchFirst = SteppedReference.Uniform(3, float32, -0.5, 2.5, 5, 8, 6);
        var weights = SteppedReference.Uniform(4, float32, -1, 1, 8, 5, 6);

        var fusedLeaf = batchFirst.clone().requires_grad_(true);
        var fused = model.Run(fusedLeaf.transpose(0, 1));
        (fused * weights).sum().backward();
        var steppedLeaf = batchFirst.clone().requires_grad_(true);
        var stepped = SteppedReference.Run(model, steppedLeaf.transpose(0, 1));
        (stepped * weights).sum().backward();

        SteppedReference.SameValues(fused, stepped).Should().BeTrue();
        SteppedReference.RelativeError(fusedLeaf.grad!, steppedLeaf.grad!).Should().BeLessThan(1e-5);
    }

    [Fact]
    public void Run_WithoutGradient_EqualsSteppingAndRecordsNoGraph()
    {
        using var scope = NewDisposeScope();
        var counting = new CountingSurrogate(SurrogateGradients.Create("sigmoid", 0));
        var model = Create("lif tau=3 theta=0.7", ResetMode.Hard, false, counting);
        var inputs = SteppedReference.Uniform(5, float32, -0.5, 2.5, 16, 4, 10).requires_grad_(true);

        Tensor fused;
        using (no_grad())
            fused = model.Run(inputs);

        fused.requires_grad.Should().BeFalse();
        counting.DerivativeArguments.Should().BeEmpty("inference needs no surrogate derivative");
        SteppedReference.SameValues(fused, SteppedReference.Run(model, inputs)).Should().BeTrue();
    }

    [Fact]
    public void Run_HalfPrecision_StepsInsteadAndEqualsStepping()
    {
        using var scope = NewDisposeScope();
        var model = Create("if theta=1", ResetMode.Soft, false, SurrogateGradients.Create("atan", 0));
        var inputs = SteppedReference.Uniform(6, bfloat16, -0.5, 2.5, 4, 3, 5);

        FusedThresholdRun.Supports(inputs).Should().BeFalse();
        SteppedReference.SameValues(model.Run(inputs), SteppedReference.Run(model, inputs)).Should().BeTrue();
    }

    private static ThresholdNeuron Create(string neuron, ResetMode reset, bool detachReset, ISurrogateGradient surrogate) => neuron switch
    {
        "lif tau=2 theta=1" => new LifNeuron(new LifOptions(2.0, 1.0, reset, detachReset), surrogate),
        "lif tau=3 theta=0.7" => new LifNeuron(new LifOptions(3.0, 0.7, reset, detachReset), surrogate),
        "if theta=1" => new IfNeuron(new IfOptions(1.0, reset, detachReset), surrogate),
        _ => throw new ArgumentOutOfRangeException(nameof(neuron), neuron, null),
    };
}
