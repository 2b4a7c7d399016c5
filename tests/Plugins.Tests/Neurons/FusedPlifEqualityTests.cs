using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Plugins.Neurons;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Neurons;

/// <summary>
/// PLIF's fused <c>Run</c> with a learnable w against stepping <c>Step</c> under autograd with the same w:
/// equal spikes, and input and w gradients within 1e-5 (float32) or 1e-12 (float64) relative error, for every
/// built-in surrogate, both reset modes, with and without detach_reset, on [T, B, C, H, W] and [T, B, N].
/// </summary>
public sealed class FusedPlifEqualityTests
{
    public static TheoryData<string, ResetMode, bool, string> Cases()
    {
        var data = new TheoryData<string, ResetMode, bool, string>();
        foreach (var surrogate in SurrogateGradients.Names)
        foreach (var reset in new[] { ResetMode.Soft, ResetMode.Hard })
        foreach (var detach in new[] { false, true })
        foreach (var dtype in new[] { "float32", "float64" })
            data.Add(surrogate, reset, detach, dtype);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_Fused_EqualsSteppingInSpikesInputGradientsAndDecayGradient(string surrogate, ResetMode reset, bool detachReset, string elementType)
    {
        var dtype = elementType == "float32" ? float32 : float64;
        var tolerance = dtype == float32 ? 1e-5 : 1e-12;
        var seed = 0;
        foreach (long[] shape in new long[][] { [6, 2, 3, 4, 4], [9, 3, 11] })
        {
            using var scope = NewDisposeScope();
            seed++;
            var counting = new CountingSurrogate(SurrogateGradients.Create(surrogate, 0));
            var model = new PlifNeuron(new PlifOptions(InitTau: 1.7, Threshold: 0.8, reset, detachReset), counting);
            var inputs = SteppedReference.Uniform(seed, dtype, -0.5, 2.5, shape);
            var weights = SteppedReference.Uniform(1000 + seed, dtype, -1, 1, shape);
            var initialW = -Math.Log(1.7 - 1);

            var fusedW = tensor(initialW, dtype: dtype).requires_grad_(true);
            var fusedInputs = inputs.clone().requires_grad_(true);
            var fused = model.Run(fusedInputs, Parameters(fusedW));
            counting.SpikeCalls.Should().Be(0, "the fused run does not step through the spike function");
            (fused * weights).sum().backward();

            var steppedW = tensor(initialW, dtype: dtype).requires_grad_(true);
            var steppedInputs = inputs.clone().requires_grad_(true);
            var stepped = SteppedReference.Run(model, steppedInputs, Parameters(steppedW));
            (stepped * weights).sum().backward();

            var context = $"{surrogate}, {reset}, detach={detachReset}, {elementType}, [{string.Join(", ", shape)}]";
            SteppedReference.SameValues(fused, stepped).Should().BeTrue("the spikes are equal ({0})", context);
            SteppedReference.RelativeError(fusedInputs.grad!, steppedInputs.grad!).Should().BeLessThan(tolerance, context);
            var expectedW = steppedW.grad!.to_type(float64).item<double>();
            expectedW.Should().NotBe(0, "w gets a gradient ({0})", context);
            Math.Abs(fusedW.grad!.to_type(float64).item<double>() - expectedW).Should().BeLessThan(
                // One sum over every element with cancellation: float32 rounding grows with the element count.
                (dtype == float32 ? 1e-5 : 1e-12) * Math.Max(1, Math.Abs(expectedW)), context);
        }
    }

    [Fact]
    public void Run_HalfPrecision_StepsWithTheLayersParameters()
    {
        // bfloat16 is no element type of the fused kernel: Run falls back to stepping, which must use the layer's w,
        // not the initial one (τ₀ = 4, k = 0.25; the layer's w = 1.5, k ≈ 0.82, fires more often).
        using var scope = NewDisposeScope();
        var surrogate = SurrogateGradients.Create("atan", 0);
        var model = new PlifNeuron(new PlifOptions(InitTau: 4.0, Threshold: 0.8, ResetMode.Soft, false), surrogate);
        var inputs = SteppedReference.Uniform(11, bfloat16, -0.5, 2.5, 8, 3, 7);
        var weights = SteppedReference.Uniform(12, bfloat16, -1, 1, 8, 3, 7);
        FusedThresholdRun.Supports(inputs).Should().BeFalse();

        var runW = tensor(1.5, dtype: bfloat16).requires_grad_(true);
        var run = model.Run(inputs, Parameters(runW));
        (run * weights).sum().backward();
        // The step loop with that w; its gradient sums one sigmoid(w) per step, in bfloat16, as Step computes it.
        var steppedW = tensor(1.5, dtype: bfloat16).requires_grad_(true);
        (SteppedReference.Run(model, inputs, Parameters(steppedW)) * weights).sum().backward();

        var expected = SteppedReference.RunDecayLeak(inputs, sigmoid(tensor(1.5, dtype: bfloat16)), 0.8, ResetMode.Soft, false, surrogate);
        SteppedReference.SameValues(run, expected).Should().BeTrue();
        SteppedReference.SameValues(run, model.Run(inputs)).Should().BeFalse("the layer's w is not the initial one");
        runW.grad!.to_type(float64).item<double>().Should().Be(steppedW.grad!.to_type(float64).item<double>()).And.NotBe(0);
    }

    private static NeuronParameters Parameters(Tensor w) => new(new Dictionary<string, Tensor> { [PlifNeuron.DecayLogit] = w });
}
