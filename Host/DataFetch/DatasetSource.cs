namespace Neuromorph.Host.DataFetch;

/// <summary>
/// Where a dataset's files come from and how they are laid out after fetching.
/// </summary>
/// <param name="Name">The <c>data.dataset</c> name.</param>
/// <param name="Files">The files of the release. Files named <c>*.tar.gz</c> or <c>*.zip</c> are unpacked into the
/// dataset's folder once verified (and kept, so a later fetch can verify them again); others are kept as they are.</param>
/// <param name="Unpacked">A path, relative to the dataset's folder, that exists once every archive is unpacked
/// (so a second fetch knows there is nothing to unpack); null when nothing is unpacked.</param>
/// <param name="ManualDownload">For releases that cannot be downloaded by a program (behind a click-through page):
/// where to get the files by hand. The files are then looked for locally and verified.</param>
internal sealed record DatasetSource(
    string Name,
    IReadOnlyList<RemoteFile> Files,
    string? Unpacked = null,
    string? ManualDownload = null);
