using TorchSharp;

namespace Neuromorph.Engine.Tests;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void Torch_LoadsNativeRuntime_AndComputes()
    {
        using var sum = torch.ones(3).sum();
        sum.item<float>().Should().Be(3f);
    }
}
