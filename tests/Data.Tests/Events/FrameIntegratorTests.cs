using Neuromorph.Data.Events;

namespace Neuromorph.Data.Tests.Events;

public sealed class FrameIntegratorTests
{
    /// <summary>
    /// Seven events on a 4 × 4 sensor: (x, y, polarity, µs).
    /// e0 (0,0,ON,0) e1 (1,0,OFF,10) e2 (0,0,ON,20) e3 (3,3,ON,30) e4 (0,0,OFF,40) e5 (2,1,ON,50) e6 (2,1,ON,100).
    /// </summary>
    private static readonly EventStream Seven = new(
        4, 4, [0, 1, 0, 3, 0, 2, 2], [0, 0, 0, 3, 0, 1, 1], [true, false, true, true, false, true, true], [0, 10, 20, 30, 40, 50, 100]);

    private static readonly byte[] Empty4x4 = new byte[16];

    [Fact]
    public void Integrate_ByNumber_GivesEachFrameFloorNOverTEventsAndTheLastTheRest()
    {
        // 7 events, T = 3: ⌊7/3⌋ = 2 per frame; frame 0 = e0 e1, frame 1 = e2 e3, frame 2 = e4 e5 e6.
        byte[] expected =
        [
            // frame 0, OFF: e1 at (1,0)          frame 0, ON: e0 at (0,0)
            .. Grid("0100 0000 0000 0000"), .. Grid("1000 0000 0000 0000"),
            // frame 1, OFF: none                 frame 1, ON: e2 at (0,0), e3 at (3,3)
            .. Empty4x4, .. Grid("1000 0000 0000 0001"),
            // frame 2, OFF: e4 at (0,0)          frame 2, ON: e5 and e6 at (2,1)
            .. Grid("1000 0000 0000 0000"), .. Grid("0000 0020 0000 0000"),
        ];

        Integrate(Seven, new FrameSettings(3, FrameSplit.Number, 4, 4)).Should().Equal(expected);
    }

    [Fact]
    public void Integrate_ByTime_GivesEachFrameAnEqualDuration()
    {
        // t0 = 0, t1 = 100, Δ = ⌊100/3⌋ = 33: [0, 33) = e0..e3, [33, 66) = e4 e5, [66, ...] = e6.
        byte[] expected =
        [
            // frame 0, OFF: e1                   frame 0, ON: e0 and e2 at (0,0), e3 at (3,3)
            .. Grid("0100 0000 0000 0000"), .. Grid("2000 0000 0000 0001"),
            // frame 1, OFF: e4 at (0,0)          frame 1, ON: e5 at (2,1)
            .. Grid("1000 0000 0000 0000"), .. Grid("0000 0010 0000 0000"),
            // frame 2, OFF: none                 frame 2, ON: e6 at (2,1)
            .. Empty4x4, .. Grid("0000 0010 0000 0000"),
        ];

        Integrate(Seven, new FrameSettings(3, FrameSplit.Time, 4, 4)).Should().Equal(expected);
    }

    [Fact]
    public void Integrate_ByTime_UsesTheEarliestAndLatestTimestamps_StartingAtTheFirst()
    {
        // Timestamps 1000, 1001, 1002, 1009: Δ = ⌊9/2⌋ = 4, frame 0 = [1000, 1004), frame 1 = the rest.
        var events = new EventStream(1, 1, [0, 0, 0, 0], [0, 0, 0, 0], [true, true, true, false], [1000, 1001, 1002, 1009]);

        Integrate(events, new FrameSettings(2, FrameSplit.Time, 1, 1)).Should().Equal(0, 3, 1, 0);
    }

    [Theory]
    [InlineData("number")]
    [InlineData("time")]
    public void Integrate_FewerEventsOrMicrosecondsThanFrames_PutsThemInTheLastFrame(string mode)
    {
        var split = mode == "time" ? FrameSplit.Time : FrameSplit.Number;
        // Two events at the same microsecond, T = 3: ⌊2/3⌋ = 0 events and ⌊0/3⌋ = 0 µs per frame.
        var events = new EventStream(1, 1, [0, 0], [0, 0], [true, false], [7, 7]);

        Integrate(events, new FrameSettings(3, split, 1, 1)).Should().Equal(0, 0, 0, 0, 1, 1);
    }

    [Fact]
    public void Integrate_NoEvents_GivesEmptyFrames()
    {
        Integrate(EventStream.Empty(4, 4), new FrameSettings(2, FrameSplit.Time, 2, 2)).Should().Equal(new byte[16]);
    }

    [Fact]
    public void Integrate_Resize_MapsCoordinatesByFloorOfXTimesTargetOverSensor()
    {
        // 128 -> 48: x' = ⌊x·48/128⌋: 127 -> 47 (47.625), 3 -> 1 (1.125), 2 -> 0 (0.75); y 64 -> 24, 85 -> 31 (31.875).
        var events = new EventStream(128, 128, [127, 3, 2, 2], [64, 85, 0, 1], [true, true, true, false], [0, 1, 2, 3]);

        var frames = Integrate(events, new FrameSettings(1, FrameSplit.Number, 48, 48));

        const int plane = 48 * 48;
        frames[plane + (24 * 48) + 47].Should().Be(1);
        frames[plane + (31 * 48) + 1].Should().Be(1);
        frames[plane + 0].Should().Be(1);
        frames[0].Should().Be(1, "(2, 1) maps to (0, 0) too, in the OFF channel");
        frames.Sum(count => count).Should().Be(4);
    }

    [Fact]
    public void Integrate_Resize_SumsBlocksOfSensorPixels()
    {
        // 6 -> 3 halves each coordinate: (5,5) and (4,4) -> (2,2); (1,0) and (0,1) -> (0,0).
        var events = new EventStream(6, 6, [5, 4, 1, 0], [5, 4, 0, 1], [true, true, true, true], [0, 1, 2, 3]);

        Integrate(events, new FrameSettings(1, FrameSplit.Number, 3, 3)).Should().Equal([.. new byte[9], 2, 0, 0, 0, 0, 0, 0, 0, 2]);
    }

    [Fact]
    public void Integrate_CountsSaturateAt255()
    {
        var events = new EventStream(1, 1, new ushort[300], new ushort[300], Enumerable.Repeat(true, 300).ToArray(), new long[300]);

        Integrate(events, new FrameSettings(1, FrameSplit.Number, 1, 1)).Should().Equal(0, 255);
    }

    [Fact]
    public void Integrate_FrameLargerThanTheSensor_IsRefused()
    {
        var act = () => Integrate(Seven, new FrameSettings(1, FrameSplit.Number, 8, 8));

        act.Should().Throw<ArgumentException>().WithMessage("Frames of 8x8 are larger than the 4x4 sensor.*");
    }

    private static byte[] Integrate(EventStream events, FrameSettings settings)
    {
        var frames = new byte[settings.SampleSize];
        frames.AsSpan().Fill(99);
        FrameIntegrator.Integrate(events, settings, frames);
        return frames;
    }

    /// <summary>A 4 × 4 grid written as four rows of digits separated by spaces.</summary>
    private static byte[] Grid(string rows) => rows.Replace(" ", "").Select(digit => (byte)(digit - '0')).ToArray();
}
