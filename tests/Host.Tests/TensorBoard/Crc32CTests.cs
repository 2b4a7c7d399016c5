using System.Text;

namespace Neuromorph.Host.Tests.TensorBoard;

public sealed class Crc32CTests
{
    [Fact]
    public void Compute_StandardCheckInput_GivesThePublishedCheckValue() =>
        Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")).Should().Be(0xE3069283u);

    [Fact]
    public void Compute_NoBytes_IsZero() => Crc32C.Compute([]).Should().Be(0u);
}
