using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>The <c>[data]</c> table: which dataset, where it is, and how it is batched.</summary>
/// <param name="Dataset">One of <see cref="KnownDatasets"/>, or an event dataset (<see cref="Engine.Data.Events.EventDatasetCatalog"/>).</param>
/// <param name="Path">The dataset's folder; empty searches the default locations.</param>
/// <param name="BatchSize">Training mini-batch size.</param>
/// <param name="TestBatchSize">Evaluation batch size.</param>
/// <param name="TrainLimit">Use only the first this many training samples; 0 uses all.</param>
/// <param name="TestLimit">Use only the first this many test samples; 0 uses all.</param>
/// <param name="Prefetch">Batches prepared ahead of the training loop.</param>
/// <param name="Events">The <c>[data.events]</c> table of an event dataset as written (see <see cref="EventsSection"/>).</param>
internal sealed record DataSection(
    string Dataset = "embedded-fashion-mnist",
    string Path = "",
    int BatchSize = 128,
    int TestBatchSize = 512,
    int TrainLimit = 0,
    int TestLimit = 0,
    int Prefetch = 4,
    TomlTable? Events = null)
{
    /// <summary>The valid values of <c>data.dataset</c>.</summary>
    public static IReadOnlyList<string> KnownDatasets { get; } = ["embedded-fashion-mnist", "fashion-mnist", "mnist"];
}
