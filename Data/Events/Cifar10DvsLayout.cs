namespace Neuromorph.Data.Events;

/// <summary>
/// The CIFAR10-DVS release, extracted: one folder per class (<see cref="ClassNames"/>, in this order for labels
/// 0 to 9) of <c>.aedat</c> recordings (<see cref="CifarDvsEventFile"/>; 1000 per class). The release has no
/// split; this one is seeded: in each class, with n files in ordinal name order, the permutation
/// <see cref="EpochOrder.Shuffled"/>(n, split_seed, class index) sends its first ⌊9n/10⌋ files to training and the
/// rest to test (900 and 100 per class). Within a split, a class's files keep their name order; classes are
/// interleaved (<see cref="ClassInterleaving"/>).
/// </summary>
internal sealed class Cifar10DvsLayout : IEventDatasetLayout
{
    public static IReadOnlyList<string> ClassNames { get; } =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    public string Contents => $"one folder of .aedat recordings per class ({string.Join(", ", ClassNames)})";

    public bool UsesSplitSeed => true;

    public IReadOnlyList<EventRecording> List(string folder, EventDatasetSplit split, long splitSeed)
    {
        var missing = ClassNames.Where(name => !Directory.Exists(Path.Combine(folder, name))).ToArray();
        if (missing.Length > 0)
            throw new DataException(
                $"'{folder}' lacks the class folders {string.Join(", ", missing)}; it should hold {Contents}.");
        var perClass = ClassNames.Select((name, label) => (IReadOnlyList<EventRecording>)SplitOf(
                Directory.GetFiles(Path.Combine(folder, name), "*.aedat").Order(StringComparer.Ordinal).ToArray(), label, split, splitSeed)
            .Select(file => new EventRecording(file, [(byte)label], () => [CifarDvsEventFile.Read(file)]))
            .ToArray())
            .ToArray();
        var empty = ClassNames.Where((_, label) => perClass[label].Count == 0).ToArray();
        if (empty.Length > 0)
            throw new DataException(
                $"'{folder}': the {split.ToString().ToLowerInvariant()} split has no recording of {string.Join(", ", empty)}; "
                + "each class folder needs .aedat files (at least 2 for both splits).");
        return ClassInterleaving.Interleave(perClass);
    }

    /// <summary>The files of one class that belong to <paramref name="split"/>, in name order.</summary>
    private static string[] SplitOf(string[] files, int label, EventDatasetSplit split, long splitSeed)
    {
        var order = EpochOrder.Shuffled(files.Length, splitSeed, label);
        var trainCount = files.Length * 9 / 10;
        var chosen = split == EventDatasetSplit.Train ? order[..trainCount] : order[trainCount..];
        return chosen.Order().Select(index => files[index]).ToArray();
    }
}
