namespace Neuromorph.Data.Events;

/// <summary>
/// The N-MNIST release's layout, also written by <c>data saccade</c>: <c>Train/&lt;label&gt;/&lt;id&gt;.bin</c> and
/// <c>Test/&lt;label&gt;/&lt;id&gt;.bin</c>, one <see cref="NMnistEventFile"/> per sample, labels 0 to classCount − 1.
/// Within a class, files are taken in ordinal name order (N-MNIST's ids are zero-padded); classes are
/// interleaved (<see cref="ClassInterleaving"/>). Folders that are not a class label are ignored.
/// </summary>
internal sealed class NMnistLayout(int sensorWidth, int sensorHeight, int classCount) : IEventDatasetLayout
{
    public string Contents => "Train/<label>/<id>.bin and Test/<label>/<id>.bin (N-MNIST's 5-byte events, labels 0 to "
        + $"{classCount - 1})";

    public bool UsesSplitSeed => false;

    public IReadOnlyList<EventRecording> List(string folder, EventDatasetSplit split, long splitSeed)
    {
        var splitFolder = Path.Combine(folder, split == EventDatasetSplit.Train ? "Train" : "Test");
        if (!Directory.Exists(splitFolder))
            throw new DataException($"'{folder}' has no {Path.GetFileName(splitFolder)} folder; it should hold {Contents}.");
        var perClass = Enumerable.Range(0, classCount)
            .Select(label => Path.Combine(splitFolder, label.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Select(classFolder => Directory.Exists(classFolder)
                ? (IReadOnlyList<string>)Directory.GetFiles(classFolder, "*.bin").Order(StringComparer.Ordinal).ToArray()
                : [])
            .ToArray();
        if (perClass.All(files => files.Count == 0))
            throw new DataException(
                $"'{splitFolder}' holds no .bin files in class folders 0 to {classCount - 1}; the folder should hold {Contents}.");
        var labelled = perClass.Select((files, label) => (IReadOnlyList<(string File, byte Label)>)files.Select(file => (file, (byte)label)).ToArray()).ToArray();
        return ClassInterleaving.Interleave(labelled)
            .Select(item => new EventRecording(
                item.File, [item.Label], () => [NMnistEventFile.Read(item.File, sensorWidth, sensorHeight)]))
            .ToArray();
    }
}
