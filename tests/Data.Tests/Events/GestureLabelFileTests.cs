using Neuromorph.Data;
using Neuromorph.Data.Events;

namespace Neuromorph.Data.Tests.Events;

public sealed class GestureLabelFileTests
{
    [Fact]
    public void Parse_ReadsClassesMinusOneAndSpans()
    {
        var labels = GestureLabelFile.Parse(
            ["class,startTime_usec,endTime_usec", "1,80048239,85092709", "11,180675853,187389051", "", "8,157773346,164029864"], "a_labels.csv");

        labels.Should().Equal(
            new GestureLabel(0, 80048239, 85092709), new GestureLabel(10, 180675853, 187389051), new GestureLabel(7, 157773346, 164029864));
    }

    [Theory]
    [InlineData("12,100,200", 12)]
    [InlineData("0,100,200", 0)]
    public void Parse_ClassOutsideOneToEleven_IsAnUnknownLabel(string line, int label)
    {
        var act = () => GestureLabelFile.Parse(["class,startTime_usec,endTime_usec", "1,1,2", line], "user02_led_labels.csv");

        act.Should().Throw<DataException>().WithMessage(
            $"'user02_led_labels.csv' line 3 has the unknown label {label}: DVS128 Gesture classes are 1 to 11.");
    }

    [Fact]
    public void Parse_MissingHeader_IsAnError()
    {
        var act = () => GestureLabelFile.Parse(["1,100,200"], "x_labels.csv");

        act.Should().Throw<DataException>().WithMessage(
            "'x_labels.csv' is not a DVS128 Gesture label file: its first line should be 'class,startTime_usec,endTime_usec' but is '1,100,200'.");
    }

    [Fact]
    public void Parse_EmptyFile_IsAnError()
    {
        var act = () => GestureLabelFile.Parse([], "x_labels.csv");

        act.Should().Throw<DataException>().WithMessage("*first line should be 'class,startTime_usec,endTime_usec' but is missing (the file is empty).");
    }

    [Theory]
    [InlineData("3,100")]
    [InlineData("3,abc,200")]
    [InlineData("3,-5,200")]
    public void Parse_MalformedLine_IsAnError(string line)
    {
        var act = () => GestureLabelFile.Parse(["class,startTime_usec,endTime_usec", line], "x_labels.csv");

        act.Should().Throw<DataException>().WithMessage($"'x_labels.csv' line 2 is '{line}', not three non-negative integers*");
    }

    [Fact]
    public void Parse_SpanEndingBeforeItStarts_IsAnError()
    {
        var act = () => GestureLabelFile.Parse(["class,startTime_usec,endTime_usec", "3,200,200"], "x_labels.csv");

        act.Should().Throw<DataException>().WithMessage("'x_labels.csv' line 2 ends at 200 µs, not after its start at 200 µs.");
    }

    [Fact]
    public void Parse_HeaderOnly_IsAnError()
    {
        var act = () => GestureLabelFile.Parse(["class,startTime_usec,endTime_usec", ""], "x_labels.csv");

        act.Should().Throw<DataException>().WithMessage("'x_labels.csv' labels no gesture: it holds only the header.");
    }
}
