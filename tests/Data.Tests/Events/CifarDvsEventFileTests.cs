using System.Text;
using Neuromorph.Data;
using Neuromorph.Data.Events;

namespace Neuromorph.Data.Tests.Events;

public sealed class CifarDvsEventFileTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Read_DecodesTheDvs128AddressTransposedAndMirrored()
    {
        // a = bits 1..7, b = bits 8..14, bit 0 = 1 means OFF; x = 127 - b, y = 127 - a (SpikingJelly's mapping).
        // 20 << 8 | 5 << 1 | 1 = 5131: a = 5, b = 20, OFF -> (107, 122, OFF).
        // 0: a = 0, b = 0, ON -> (127, 127, ON).   127 << 8 | 127 << 1 = 32766: -> (0, 0, ON).
        // Bits above 14 are ignored: 1 << 16 | 3 << 8 | 2 << 1 = 66308: a = 2, b = 3, ON -> (124, 125, ON).
        var path = folder.Write("cifar10_cat_0.aedat", EventBytes.Aedat2((5131, 10), (0, 20), (32766, 30), (66308, 40)));

        var events = CifarDvsEventFile.Read(path);

        (events.SensorWidth, events.SensorHeight).Should().Be((128, 128));
        events.Tuples().Should().Equal((107, 122, false, 10L), (127, 127, true, 20L), (0, 0, true, 30L), (124, 125, true, 40L));
    }

    [Fact]
    public void Read_TimestampThatWrapsPast32Bits_IsUnwrapped()
    {
        var path = folder.Write("wrap.aedat", EventBytes.Aedat2((0, 0xFFFFFFF0), (0, 0x10)));

        CifarDvsEventFile.Read(path).Timestamps.Should().Equal(0xFFFFFFF0L, (1L << 32) + 0x10);
    }

    [Fact]
    public void Read_Truncated_IsAnError()
    {
        var path = folder.Write("cut.aedat", EventBytes.Aedat2((1, 2), (3, 4))[..^3]);

        var act = () => CifarDvsEventFile.Read(path);

        act.Should().Throw<DataException>().WithMessage(
            $"'{path}' is truncated: after its header (byte {EventBytes.Aedat2Header.Length}) AEDAT 2.0 holds 8 bytes per event, "
            + "but the 13 bytes end 5 bytes into event 1.*");
    }

    [Fact]
    public void Read_NoHeader_IsAnError()
    {
        var path = folder.Write("raw.aedat", new byte[16]);

        var act = () => CifarDvsEventFile.Read(path);

        act.Should().Throw<DataException>().WithMessage($"'{path}' is not an AEDAT 2.0 file: it should start with the line '#!AER-DAT2.0' but has no AEDAT header.");
    }

    [Fact]
    public void Read_WrongVersion_IsAnError()
    {
        var path = folder.Write("new.aedat", Encoding.ASCII.GetBytes("#!AER-DAT3.1\r\n#!END-HEADER\r\n"));

        var act = () => CifarDvsEventFile.Read(path);

        act.Should().Throw<DataException>().WithMessage("*not an AEDAT 2.0 file*has the header line '#!AER-DAT3.1'.");
    }
}
