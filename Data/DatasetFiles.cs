namespace Neuromorph.Data;

/// <summary>The four files of an MNIST-format dataset found in <paramref name="Directory"/>.</summary>
internal sealed record DatasetFiles(
    string Directory, string TrainImages, string TrainLabels, string TestImages, string TestLabels);
