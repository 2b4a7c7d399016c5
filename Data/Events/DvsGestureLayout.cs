namespace Neuromorph.Data.Events;

/// <summary>
/// The DVS128 Gesture release (the extracted <c>DvsGesture</c> folder, or a folder holding it): the recordings
/// <c>userNN_&lt;lighting&gt;.aedat</c> (<see cref="Aedat31File"/>) with their <c>userNN_&lt;lighting&gt;_labels.csv</c>
/// (<see cref="GestureLabelFile"/>), and the official split, <c>trials_to_train.txt</c> and
/// <c>trials_to_test.txt</c>, one recording name per line (1176 training and 288 test samples, as SpikingJelly
/// and snnTorch count them). Each labelled gesture is one sample: the events with start ≤ t &lt; end. Samples
/// are stored in the order of the trial files and, within a recording, of its label file.
/// </summary>
internal sealed class DvsGestureLayout : IEventDatasetLayout
{
    public const int SensorSize = 128;
    public const string ReleaseFolder = "DvsGesture";

    public string Contents => "trials_to_train.txt, trials_to_test.txt and the userNN_*.aedat recordings with their "
        + "userNN_*_labels.csv files (the extracted DvsGesture folder)";

    public bool UsesSplitSeed => false;

    public IReadOnlyList<EventRecording> List(string folder, EventDatasetSplit split, long splitSeed)
    {
        var trialsFile = split == EventDatasetSplit.Train ? "trials_to_train.txt" : "trials_to_test.txt";
        var root = File.Exists(Path.Combine(folder, trialsFile)) || !Directory.Exists(Path.Combine(folder, ReleaseFolder))
            ? folder
            : Path.Combine(folder, ReleaseFolder);
        var trials = Path.Combine(root, trialsFile);
        if (!File.Exists(trials))
            throw new DataException($"'{folder}' has no {trialsFile}; the folder should hold {Contents}.");
        var names = EventFiles.ReadAllLines(trials).Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
        if (names.Length == 0)
            throw new DataException($"'{trials}' names no recording; it should list one .aedat file per line.");
        return names.Select(name => Recording(root, name)).ToArray();
    }

    private static EventRecording Recording(string root, string name)
    {
        var file = Path.Combine(root, name);
        var labelFile = Path.Combine(root, Path.GetFileNameWithoutExtension(name) + "_labels.csv");
        var labels = GestureLabelFile.Read(labelFile);
        return new EventRecording(file, labels.Select(label => (byte)label.Class).ToArray(), () => Cut(file, labelFile, labels));
    }

    /// <summary>Reads the recording and cuts out each labelled gesture.</summary>
    private static IReadOnlyList<EventStream> Cut(string file, string labelFile, IReadOnlyList<GestureLabel> labels)
    {
        var events = Aedat31File.Read(file, SensorSize, SensorSize);
        var first = events.Count == 0 ? 0 : events.Timestamps.Min();
        var last = events.Count == 0 ? -1 : events.Timestamps.Max();
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if (label.End <= first || label.Start > last)
                throw new DataException(
                    $"'{labelFile}' gesture {i + 1} (class {label.Class + 1}, {label.Start} to {label.End} µs) lies outside the recording '{file}', "
                    + (events.Count == 0 ? "which holds no events." : $"whose events span {first} to {last} µs.")
                    + " The label file does not belong to this recording.");
        }
        return labels.Select(label => events.Between(label.Start, label.End)).ToArray();
    }
}
