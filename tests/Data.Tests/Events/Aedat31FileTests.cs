using System.Text;
using Neuromorph.Data;
using Neuromorph.Data.Events;

namespace Neuromorph.Data.Tests.Events;

public sealed class Aedat31FileTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static readonly byte[] SpecialEvent = [0x01, 0, 0, 0, 0x10, 0, 0, 0];

    [Fact]
    public void Read_ValidPolarityEvents_WithOverflowAndSkippedPackets()
    {
        var path = folder.Write("user01_lab.aedat", EventBytes.Aedat31(
            EventBytes.Packet(1, 8, 0, [EventBytes.Polarity(5, 6, true, 100), EventBytes.Polarity(127, 0, false, 200)]),
            EventBytes.Packet(0, 8, 0, [SpecialEvent]),
            // The second event's valid mark is 0: filtered out by the recording software, so skipped.
            EventBytes.Packet(1, 8, 1, [EventBytes.Polarity(0, 127, true, 7), EventBytes.Polarity(9, 9, true, 8, valid: false)])));

        var events = Aedat31File.Read(path, 128, 128);

        // Full time = (overflow << 31) | timestamp: 2^31 + 7 = 2147483655 in the third packet.
        events.Tuples().Should().Equal((5, 6, true, 100L), (127, 0, false, 200L), (0, 127, true, 2147483655L));
    }

    [Fact]
    public void Read_HeaderOnly_HasNoEvents()
    {
        Aedat31File.Read(folder.Write("empty.aedat", EventBytes.Aedat31()), 128, 128).Count.Should().Be(0);
    }

    [Fact]
    public void Read_NoHeader_IsAnError()
    {
        var path = folder.Write("raw.aedat", EventBytes.Packet(1, 8, 0, [EventBytes.Polarity(1, 1, true, 1)]));

        var act = () => Aedat31File.Read(path, 128, 128);

        act.Should().Throw<DataException>().WithMessage(
            $"'{path}' is not an AEDAT 3.1 file: it should start with the line '#!AER-DAT3.1' but has no AEDAT header.");
    }

    [Fact]
    public void Read_OtherVersion_IsAnError()
    {
        var path = folder.Write("old.aedat", EventBytes.Aedat2((0, 1)));

        var act = () => Aedat31File.Read(path, 128, 128);

        act.Should().Throw<DataException>().WithMessage(
            $"'{path}' is not an AEDAT 3.1 file: it should start with the line '#!AER-DAT3.1' but has the header line '#!AER-DAT2.0'.");
    }

    [Fact]
    public void Read_HeaderWithoutEndMarker_IsAnError()
    {
        var path = folder.Write("open.aedat", Encoding.ASCII.GetBytes("#!AER-DAT3.1\r\n#Format: RAW\r\n"));

        var act = () => Aedat31File.Read(path, 128, 128);

        act.Should().Throw<DataException>().WithMessage($"'{path}' has an unterminated header*#!END-HEADER*");
    }

    [Fact]
    public void Read_TruncatedPacketHeader_IsAnError()
    {
        var complete = EventBytes.Packet(1, 8, 0, [EventBytes.Polarity(1, 1, true, 1)]);
        var path = folder.Write("cut.aedat", EventBytes.Aedat31(complete, new byte[10]));
        var offset = EventBytes.Aedat31Header.Length + complete.Length;

        var act = () => Aedat31File.Read(path, 128, 128);

        act.Should().Throw<DataException>().WithMessage(
            $"'{path}' is truncated: packet 1 at byte {offset} has only 10 of its 28 header bytes.*");
    }

    [Fact]
    public void Read_TruncatedEvent_IsAnError()
    {
        var packet = EventBytes.Packet(1, 8, 0, [EventBytes.Polarity(1, 1, true, 1), EventBytes.Polarity(2, 2, true, 2)]);
        var path = folder.Write("cut.aedat", EventBytes.Aedat31(packet[..^3]));

        var act = () => Aedat31File.Read(path, 128, 128);

        act.Should().Throw<DataException>().WithMessage(
            $"'{path}': packet 0 at byte {EventBytes.Aedat31Header.Length} is truncated: it declares 2 events of 8 bytes (16 bytes) "
            + "but only 13 bytes follow, ending inside event 1.*");
    }

    [Fact]
    public void Read_PacketWithSpareCapacity_ReadsOnlyItsEventsAndSkipsTheRest()
    {
        // Capacity 3, number 1: three 8-byte slots, the first holding an event; the next packet follows all three.
        var spare = EventBytes.Packet(1, 8, 0, [EventBytes.Polarity(1, 2, true, 3), EventBytes.Polarity(9, 9, true, 9), new byte[8]], number: 1);
        var path = folder.Write("spare.aedat", EventBytes.Aedat31(spare, EventBytes.Packet(1, 8, 0, [EventBytes.Polarity(4, 5, false, 6)])));

        Aedat31File.Read(path, 128, 128).Tuples().Should().Equal((1, 2, true, 3L), (4, 5, false, 6L));
    }

    [Fact]
    public void Read_MoreEventsThanCapacity_IsAnError()
    {
        var path = folder.Write("odd.aedat", EventBytes.Aedat31(EventBytes.Packet(1, 8, 0, [EventBytes.Polarity(1, 1, true, 1)], capacity: 0, number: 1)));

        var act = () => Aedat31File.Read(path, 128, 128);

        act.Should().Throw<DataException>().WithMessage("*packet 0*implausible header (eventSize 8, eventCapacity 0, eventNumber 1*");
    }

    [Fact]
    public void Read_PolarityEventsOfTheWrongSize_AreAnError()
    {
        var path = folder.Write("wide.aedat", EventBytes.Aedat31(EventBytes.Packet(1, 12, 0, [new byte[12]])));

        var act = () => Aedat31File.Read(path, 128, 128);

        act.Should().Throw<DataException>().WithMessage("*packet 0 at byte*holds polarity events of 12 bytes; AEDAT 3.1 polarity events are 8 bytes.");
    }

    [Fact]
    public void Read_EventOutsideTheSensor_IsAnError()
    {
        var path = folder.Write("far.aedat", EventBytes.Aedat31(EventBytes.Packet(1, 8, 0, [EventBytes.Polarity(128, 3, true, 1)])));

        var act = () => Aedat31File.Read(path, 128, 128);

        act.Should().Throw<DataException>().WithMessage($"'{path}': packet 0 at byte *: event 0 is at (128, 3)*outside the 128x128 sensor*");
    }
}
