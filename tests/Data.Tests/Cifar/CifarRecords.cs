namespace Neuromorph.Data.Tests.Cifar;

/// <summary>
/// CIFAR binary records written by hand from the format's description: the label byte(s), then 1024 red, 1024 green
/// and 1024 blue bytes, each plane row-major 32×32.
/// </summary>
internal static class CifarRecords
{
    /// <summary>The value the test images hold at channel c, row y, column x of record <paramref name="record"/>.</summary>
    public static byte Pixel(int record, int c, int y, int x) => (byte)((record * 7) + (c * 50) + (y * 3) + x);

    /// <summary>One record: <paramref name="labels"/> (one byte for CIFAR-10; coarse then fine for CIFAR-100) and the pixels.</summary>
    public static byte[] Record(int record, params byte[] labels)
    {
        var bytes = new List<byte>(labels);
        for (var c = 0; c < 3; c++)
            for (var y = 0; y < 32; y++)
                for (var x = 0; x < 32; x++)
                    bytes.Add(Pixel(record, c, y, x));
        return [.. bytes];
    }

    /// <summary>Records one after another, as a batch file holds them.</summary>
    public static byte[] File(params byte[][] records) => [.. records.SelectMany(record => record)];

    /// <summary>
    /// A complete CIFAR-10 folder under <paramref name="directory"/>: data_batch_1.bin holds records 0-2 (labels 3, 0, 9),
    /// data_batch_2..5.bin one record each (records 3-6, labels 1, 2, 4, 5) and test_batch.bin two (records 7, 8; labels 6, 8).
    /// </summary>
    public static void WriteCifar10(TempFolder folder, string directory)
    {
        folder.Write(Path.Combine(directory, "data_batch_1.bin"), File(Record(0, 3), Record(1, 0), Record(2, 9)));
        byte[] labels = [1, 2, 4, 5];
        for (var i = 0; i < 4; i++)
            folder.Write(Path.Combine(directory, $"data_batch_{i + 2}.bin"), File(Record(3 + i, labels[i])));
        folder.Write(Path.Combine(directory, "test_batch.bin"), File(Record(7, 6), Record(8, 8)));
    }
}
