namespace Neuromorph.Data.ImageFolder;

/// <summary>
/// The ImageFolder layout (ImageNet, Tiny-ImageNet): <c>root/train/&lt;class&gt;/…</c> and <c>root/val/&lt;class&gt;/…</c>,
/// one folder per class, holding <c>.jpg</c>, <c>.jpeg</c> or <c>.png</c> files (any letter case), directly or in
/// subfolders (Tiny-ImageNet's <c>train/&lt;class&gt;/images/</c>). Classes are the training split's folder names in
/// ordinal order (class i is the i-th name); samples go class by class, each class's files in ordinal order of their
/// path. Files with other extensions are not samples and are left out. Only names are listed here: no image is read.
/// </summary>
internal static class ImageFolderLayout
{
    public const string TrainFolder = "train";
    public const string TestFolder = "val";

    /// <summary>The extensions of the files taken as images.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".jpg", ".jpeg", ".png"];

    /// <summary>The class names: the training split's class folders, sorted.</summary>
    /// <exception cref="DataException">The root, its training folder or its class folders are missing.</exception>
    public static IReadOnlyList<string> Classes(string root)
    {
        var train = Split(root, TrainFolder);
        var classes = Directory.GetDirectories(train).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        if (classes.Length == 0)
            throw new DataException(
                $"'{train}' holds no class folders; the image-folder layout is {TrainFolder}/<class>/<image>.jpg|png (one folder per class).");
        return classes;
    }

    /// <summary>
    /// The image files of split <paramref name="split"/> (<see cref="TrainFolder"/> or <see cref="TestFolder"/>) with
    /// their class indices in <paramref name="classes"/>.
    /// </summary>
    /// <exception cref="DataException">The split's folder is missing, has a class folder the training split lacks, or holds no images.</exception>
    public static (string[] Files, int[] Labels) Samples(string root, string split, IReadOnlyList<string> classes)
    {
        var folder = Split(root, split);
        var files = new List<string>();
        var labels = new List<int>();
        var index = classes.Select((name, i) => (name, i)).ToDictionary(pair => pair.name, pair => pair.i, StringComparer.Ordinal);
        foreach (var directory in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(directory);
            if (!index.TryGetValue(name, out var label))
                throw new DataException(
                    $"'{directory}' is a class folder that '{Path.Combine(root, TrainFolder)}' does not have; every class of "
                    + $"'{split}' must also be a class of '{TrainFolder}' (classes are the training split's folder names).");
            var images = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(IsImage)
                .Order(StringComparer.Ordinal)
                .ToArray();
            files.AddRange(images);
            labels.AddRange(Enumerable.Repeat(label, images.Length));
        }
        if (files.Count == 0)
            throw new DataException(
                $"'{folder}' holds no images: the layout is {split}/<class>/<image> with the extensions {string.Join(", ", Extensions)}.");
        return ([.. files], [.. labels]);
    }

    private static bool IsImage(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private static string Split(string root, string split)
    {
        if (!Directory.Exists(root))
            throw new DataException(
                $"The image folder '{root}' (data.path) does not exist. It must hold {TrainFolder}/<class>/ and {TestFolder}/<class>/ "
                + "folders of .jpg or .png images (the ImageNet / Tiny-ImageNet layout).");
        var folder = Path.Combine(root, split);
        if (!Directory.Exists(folder))
            throw new DataException(
                $"'{folder}' does not exist: an image folder holds {TrainFolder}/<class>/ (training) and {TestFolder}/<class>/ (test) "
                + "folders of .jpg or .png images.");
        return folder;
    }
}
