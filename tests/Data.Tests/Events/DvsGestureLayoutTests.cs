using Neuromorph.Data;
using Neuromorph.Data.Events;

namespace Neuromorph.Data.Tests.Events;

public sealed class DvsGestureLayoutTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>A recording with events at 100, 150, 200, 250 and 300 µs (x = t / 10).</summary>
    private void WriteRecording(string name, string labels)
    {
        folder.Write(name + ".aedat", EventBytes.Aedat31(EventBytes.Packet(1, 8, 0,
            [.. new[] { 100, 150, 200, 250, 300 }.Select(t => EventBytes.Polarity(t / 10, 1, t % 100 == 0, t))])));
        folder.Write(name + "_labels.csv", System.Text.Encoding.ASCII.GetBytes("class,startTime_usec,endTime_usec\r\n" + labels));
    }

    [Fact]
    public void List_OfficialSplit_CutsEachLabelledGestureOut()
    {
        // Spans [100, 200) and [150, 301) overlap, as a few in the release do; each keeps its own events.
        WriteRecording("user01_lab", "4,100,200\r\n11,150,301\r\n");
        WriteRecording("user24_led", "1,250,260\r\n");
        folder.Write("trials_to_train.txt", "user01_lab.aedat\n\n"u8.ToArray());
        folder.Write("trials_to_test.txt", "user24_led.aedat\n"u8.ToArray());
        var layout = new DvsGestureLayout();

        var train = layout.List(folder.Path, EventDatasetSplit.Train, 0);
        var test = layout.List(folder.Path, EventDatasetSplit.Test, 0);

        train.Should().ContainSingle();
        train[0].Labels.Should().Equal(3, 10);
        var gestures = train[0].Read();
        gestures.Select(g => g.Timestamps).Should().SatisfyRespectively(
            first => first.Should().Equal(100L, 150L),
            second => second.Should().Equal(150L, 200L, 250L, 300L));
        gestures[0].Tuples().Should().Equal((10, 1, true, 100L), (15, 1, false, 150L));
        test.Should().ContainSingle().Which.Labels.Should().Equal(0);
        test[0].Read().Should().ContainSingle().Which.Timestamps.Should().Equal(250L);
    }

    [Fact]
    public void List_FolderHoldingTheExtractedReleaseFolder_FindsIt()
    {
        folder.Write(Path.Combine("DvsGesture", "trials_to_train.txt"), "user01_lab.aedat\n"u8.ToArray());
        folder.Write(Path.Combine("DvsGesture", "user01_lab_labels.csv"), "class,startTime_usec,endTime_usec\n2,0,10\n"u8.ToArray());

        new DvsGestureLayout().List(folder.Path, EventDatasetSplit.Train, 0).Should().ContainSingle()
            .Which.File.Should().Be(folder.Combine("DvsGesture", "user01_lab.aedat"));
    }

    [Fact]
    public void Read_LabelOutsideTheRecording_IsAnError()
    {
        WriteRecording("user01_lab", "4,100,200\r\n5,301,400\r\n");
        folder.Write("trials_to_train.txt", "user01_lab.aedat\n"u8.ToArray());

        var recording = new DvsGestureLayout().List(folder.Path, EventDatasetSplit.Train, 0)[0];
        var act = () => recording.Read();

        act.Should().Throw<DataException>().WithMessage(
            $"'{folder.Combine("user01_lab_labels.csv")}' gesture 2 (class 5, 301 to 400 µs) lies outside the recording "
            + $"'{folder.Combine("user01_lab.aedat")}', whose events span 100 to 300 µs.*");
    }

    [Fact]
    public void List_UnknownLabel_NamesTheLabelFile()
    {
        WriteRecording("user01_lab", "12,100,200\r\n");
        folder.Write("trials_to_train.txt", "user01_lab.aedat\n"u8.ToArray());

        var act = () => new DvsGestureLayout().List(folder.Path, EventDatasetSplit.Train, 0);

        act.Should().Throw<DataException>().WithMessage($"'{folder.Combine("user01_lab_labels.csv")}' line 2 has the unknown label 12*");
    }

    [Fact]
    public void List_WithoutTrialsFile_SaysWhatTheFolderShouldHold()
    {
        var act = () => new DvsGestureLayout().List(folder.Path, EventDatasetSplit.Test, 0);

        act.Should().Throw<DataException>().WithMessage($"'{folder.Path}' has no trials_to_test.txt; the folder should hold trials_to_train.txt*");
    }

    [Fact]
    public void Read_MissingRecording_NamesIt()
    {
        folder.Write("user01_lab_labels.csv", "class,startTime_usec,endTime_usec\n2,0,10\n"u8.ToArray());
        folder.Write("trials_to_train.txt", "user01_lab.aedat\n"u8.ToArray());

        var recording = new DvsGestureLayout().List(folder.Path, EventDatasetSplit.Train, 0)[0];
        var act = () => recording.Read();

        act.Should().Throw<DataException>().WithMessage($"'{folder.Combine("user01_lab.aedat")}' could not be read*");
    }
}
