using Neuromorph.Data;
using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>The <c>[data]</c> table: which dataset, where it is, and how it is batched.</summary>
/// <param name="Dataset">One of <see cref="KnownDatasets"/>, or an event dataset (<see cref="Data.Events.EventDatasetCatalog"/>).</param>
/// <param name="Path">The dataset's folder; empty searches the default locations (<c>image-folder</c> needs it).</param>
/// <param name="BatchSize">Training mini-batch size.</param>
/// <param name="TestBatchSize">Evaluation batch size.</param>
/// <param name="TrainLimit">Use only the first this many training samples; 0 uses all.</param>
/// <param name="TestLimit">Use only the first this many test samples; 0 uses all.</param>
/// <param name="Prefetch">Batches prepared ahead of the training loop.</param>
/// <param name="Workers">Background threads preparing batches (reading, decoding, augmenting); the batches are the
/// same whatever their number.</param>
/// <param name="ImageSize">The side <c>image-folder</c> images are resized to (other datasets keep their size).</param>
/// <param name="Augment">The <c>[data.augment]</c> table as written (see <see cref="AugmentSection"/>); static images only.</param>
/// <param name="Events">The <c>[data.events]</c> table of an event dataset as written (see <see cref="EventsSection"/>).</param>
internal sealed record DataSection(
    string Dataset = "embedded-fashion-mnist",
    string Path = "",
    int BatchSize = 128,
    int TestBatchSize = 512,
    int TrainLimit = 0,
    int TestLimit = 0,
    int Prefetch = 4,
    int Workers = 2,
    int ImageSize = DatasetLocator.DefaultImageSize,
    TomlTable? Augment = null,
    TomlTable? Events = null)
{
    /// <summary>The image datasets among the valid values of <c>data.dataset</c> (the event datasets are in <see cref="Data.Events.EventDatasetCatalog"/>).</summary>
    public static IReadOnlyList<string> KnownDatasets => DatasetCatalog.KnownNames;

    /// <summary>The <c>[data.augment]</c> table with every key (defaults filled in), as the effective configuration writes it.</summary>
    public TomlTable Augment { get; init; } = AugmentSection.Complete(Augment);

    /// <summary>The augmentation settings of <see cref="Augment"/>.</summary>
    /// <exception cref="ConfigurationException">The table has an unknown key or a value of the wrong type.</exception>
    public AugmentSection BindAugment() => AugmentSection.Bind(Augment);
}
