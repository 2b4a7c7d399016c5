namespace Neuromorph.Host.Benchmarks;

/// <summary>What <c>bench data</c> measures: a dataset, its batching, the loader's workers and the augmentation.</summary>
/// <param name="Dataset">The dataset (any <c>data.dataset</c> name).</param>
/// <param name="DataPath">Its folder, as <c>data.path</c>; empty searches the default locations.</param>
/// <param name="ImageSize">The side <c>image-folder</c> images are resized to.</param>
/// <param name="Batch">Samples per batch.</param>
/// <param name="Workers">Loader threads.</param>
/// <param name="Prefetch">Batches that may wait ready ahead of the consumer.</param>
/// <param name="Batches">Timed batches.</param>
/// <param name="Warmup">Untimed batches first (the workers start and their buffers grow).</param>
/// <param name="RandomCropPadding">As <c>data.augment.random_crop_padding</c>.</param>
/// <param name="HorizontalFlip">As <c>data.augment.horizontal_flip</c>.</param>
/// <param name="Cutout">As <c>data.augment.cutout</c>.</param>
/// <param name="Autoaugment">As <c>data.augment.autoaugment</c>.</param>
internal sealed record DataBenchmarkSettings(
    string Dataset = "cifar10",
    string DataPath = "",
    int ImageSize = 64,
    int Batch = 128,
    int Workers = 2,
    int Prefetch = 4,
    int Batches = 50,
    int Warmup = 5,
    int RandomCropPadding = 0,
    bool HorizontalFlip = false,
    int Cutout = 0,
    string Autoaugment = "none");
