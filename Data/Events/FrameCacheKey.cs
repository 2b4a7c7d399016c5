using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Neuromorph.Data.Events;

/// <summary>
/// Everything a cached split of frames depends on: the dataset and its source folder, the split, the frame
/// settings, the split seed (for seeded splits) and the cache format version. Equal keys name the same cache
/// file; any difference gives another file (the name carries the main settings and a hash of the whole key).
/// The cache does not notice changed source files: delete the cache file after replacing a dataset in place.
/// </summary>
/// <param name="Dataset">The dataset's configuration name.</param>
/// <param name="Source">The full path of the dataset's folder.</param>
/// <param name="Split">Training or test.</param>
/// <param name="Frames">T, the split mode and the frame size.</param>
/// <param name="SplitSeed">The seed of a seeded split, or null when the dataset's split is fixed.</param>
internal sealed record FrameCacheKey(string Dataset, string Source, EventDatasetSplit Split, FrameSettings Frames, long? SplitSeed)
{
    /// <summary>The cache format version; a change of the file layout or of how frames are made bumps it.</summary>
    public const int FormatVersion = 1;

    /// <summary>The key as text, one <c>name = value</c> per line; stored in the cache file and hashed into its name.</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture,
        $"dataset = {Dataset}\nsource = {Source}\nsplit = {SplitName}\ntimesteps = {Frames.Timesteps}\n"
        + $"frames_split = {Frames.Split.ToString().ToLowerInvariant()}\nsize = {Frames.Width}x{Frames.Height}\n"
        + $"{(SplitSeed is { } seed ? "split_seed = " + seed.ToString(CultureInfo.InvariantCulture) + "\n" : "")}format = {FormatVersion}\n");

    /// <summary>The cache file's name, e.g. <c>nmnist-train-t8-number-34x34-v1-1a2b3c4d.frames</c>.</summary>
    public string FileName => string.Create(CultureInfo.InvariantCulture,
        $"{Dataset}-{SplitName}-t{Frames.Timesteps}-{Frames.Split.ToString().ToLowerInvariant()}-{Frames.Width}x{Frames.Height}"
        + $"-v{FormatVersion}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)))[..8]}.frames");

    private string SplitName => Split == EventDatasetSplit.Train ? "train" : "test";
}
