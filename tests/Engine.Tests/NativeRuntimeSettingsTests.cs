using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests;

public sealed class NativeRuntimeSettingsTests
{
    [Fact]
    public void Apply_CapsOneDnnBelowAvx512_UnlessTheUserChoseAnInstructionSet()
    {
        NativeRuntimeSettings.Apply();

        Environment.GetEnvironmentVariable(NativeRuntimeSettings.InstructionSetVariable).Should().NotBeNullOrEmpty();
    }

    /// <summary>
    /// The computation that returned NaN gradients for the first layers in a few percent of iterations
    /// with oneDNN's AVX-512 kernels on two threads (conv-BN-ReLU-pool twice, then linear layers).
    /// </summary>
    [Fact]
    public void Backward_ConvolutionStackOnTwoThreads_GivesFiniteGradientsEveryIteration()
    {
        var threads = get_num_threads();
        set_num_threads(2);
        try
        {
            manual_seed(3);
            var network = nn.Sequential(
                nn.Conv2d(1, 4, 3, padding: 1, bias: false), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(4, 8, 3, padding: 1, bias: false), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(32, 16, hasBias: false), nn.ReLU(), nn.Linear(16, 10));
            var corrupted = 0;
            for (var i = 0; i < 200; i++)
            {
                using var scope = NewDisposeScope();
                var output = network.forward(rand(32, 1, 8, 8));
                network.zero_grad();
                (output * output).mean().backward();
                if (network.parameters().Any(p => p.grad!.isnan().any().item<bool>())) corrupted++;
            }
            corrupted.Should().Be(0);
        }
        finally
        {
            set_num_threads(threads);
        }
    }
}
