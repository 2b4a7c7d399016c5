namespace Neuromorph.Data;

/// <summary>What the engine knows about a dataset it can load by name.</summary>
/// <param name="Name">The configuration name, for example <c>fashion-mnist</c>.</param>
/// <param name="Title">The dataset's usual name, for descriptions.</param>
/// <param name="Normalization">Its training-set pixel mean and standard deviation.</param>
/// <param name="DebianPackage">The Debian package that installs it under <c>/usr/share/datasets/Name</c>, if any.</param>
/// <param name="Source">Where to download the original files.</param>
internal sealed record DatasetDescriptor(
    string Name, string Title, DatasetNormalization Normalization, string? DebianPackage, string Source);
