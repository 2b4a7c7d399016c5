using Neuromorph.Data;
using Neuromorph.Data.Events;

namespace Neuromorph.Data.Tests.Events;

public sealed class NMnistEventFileTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Read_DecodesCoordinatesPolarityAndTheSplitTimestamp()
    {
        // Byte 2 = 0x81: ON, timestamp bits 22..16 = 1; bytes 3-4 = 0x02 0x03: t = 0x010203 = 66051 µs.
        // Byte 2 = 0x7F: OFF, t = 0x7FFFFF = 8388607 µs (the largest the format holds).
        var path = folder.Write("00001.bin", [3, 7, 0x81, 0x02, 0x03, 33, 0, 0x7F, 0xFF, 0xFF, 0, 33, 0x00, 0x00, 0x05]);

        var events = NMnistEventFile.Read(path, 34, 34);

        (events.SensorWidth, events.SensorHeight).Should().Be((34, 34));
        events.Tuples().Should().Equal((3, 7, true, 66051L), (33, 0, false, 8388607L), (0, 33, false, 5L));
    }

    [Fact]
    public void Read_EmptyFile_HasNoEvents()
    {
        NMnistEventFile.Read(folder.Write("empty.bin", []), 34, 34).Count.Should().Be(0);
    }

    [Fact]
    public void Read_LengthNotAMultipleOfFive_IsTruncated()
    {
        var path = folder.Write("cut.bin", [.. EventBytes.NMnist((1, 2, true, 3), (4, 5, false, 6)), 9, 9, 9]);

        var act = () => NMnistEventFile.Read(path, 34, 34);

        act.Should().Throw<DataException>().WithMessage(
            $"'{path}' is truncated: N-MNIST files hold 5 bytes per event, but its 13 bytes end 3 bytes into event 2.*");
    }

    [Fact]
    public void Read_EventOutsideTheSensor_IsAnError()
    {
        var path = folder.Write("wide.bin", EventBytes.NMnist((1, 2, true, 3), (34, 0, true, 4)));

        var act = () => NMnistEventFile.Read(path, 34, 34);

        act.Should().Throw<DataException>().WithMessage($"'{path}': event 1 (byte 5) is at (34, 0), outside the 34x34 sensor*");
    }

    [Fact]
    public void Read_MissingFile_NamesIt()
    {
        var path = folder.Combine("absent.bin");

        var act = () => NMnistEventFile.Read(path, 34, 34);

        act.Should().Throw<DataException>().WithMessage($"'{path}' could not be read*");
    }

    [Fact]
    public void Encode_WritesTheFormatsBytes()
    {
        var events = new EventStream(34, 34, [3, 33], [7, 0], [true, false], [66051, 8388607]);

        NMnistEventFile.Encode(events).Should().Equal(3, 7, 0x81, 0x02, 0x03, 33, 0, 0x7F, 0xFF, 0xFF);
    }

    [Fact]
    public void Encode_TimestampBeyondTwentyThreeBits_IsRefused()
    {
        var events = new EventStream(34, 34, [0], [0], [true], [1L << 23]);

        var act = () => NMnistEventFile.Encode(events);

        act.Should().Throw<ArgumentException>().WithMessage("*timestamps from 0 to 8388607*");
    }
}
