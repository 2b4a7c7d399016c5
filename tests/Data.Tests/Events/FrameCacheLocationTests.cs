using Neuromorph.Data.Events;

namespace Neuromorph.Data.Tests.Events;

public sealed class FrameCacheLocationTests
{
    [Fact]
    public void Default_FollowsTheXdgCacheConvention()
    {
        FrameCacheLocation.Default("/xdg", "/home/u").Should().Be(Path.Combine("/xdg", "neuromorph", "frames"));
        FrameCacheLocation.Default(null, "/home/u").Should().Be(Path.Combine("/home/u", ".cache", "neuromorph", "frames"));
        FrameCacheLocation.Default("", "").Should().Be(Path.Combine(Path.GetTempPath(), "neuromorph", "frames"));
    }
}
