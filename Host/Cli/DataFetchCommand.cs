using System.CommandLine;
using Neuromorph.Data;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.DataFetch;

namespace Neuromorph.Host.Cli;

/// <summary>
/// <c>data fetch &lt;name&gt; | --manifest FILE [--to DIR] [--mirror URL] [--force]</c>: downloads a dataset's public
/// files from their canonical locations (or a mirror), verifies their size and digests, and unpacks archives,
/// into <c>--to</c> or <c>$NEUROMORPH_DATA/&lt;name&gt;</c>. A dataset already available locally (for Fashion-MNIST,
/// Debian's package) is reported and not downloaded unless <c>--force</c>. Interrupted downloads resume.
/// </summary>
internal static class DataFetchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var name = new Argument<string?>("name")
        {
            Description = $"The dataset: {string.Join(", ", DatasetSources.Names)}.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var manifest = new Option<string?>("--manifest") { Description = "Fetch the files a JSON manifest lists (name, files: file, url, sha256, size) instead." };
        var to = new Option<string?>("--to") { Description = $"The dataset's folder (default ${DatasetLocator.EnvironmentVariable}/<name>)." };
        var mirror = new Option<string?>("--mirror") { Description = "Fetch every file by its name from this base URL instead of its canonical location." };
        var force = new Option<bool>("--force") { Description = "Fetch even when a local copy of the dataset is found elsewhere." };
        var command = new Command("fetch", "Download and verify a dataset's public files.") { name, manifest, to, mirror, force };
        command.SetAction(async (parse, cancellation) =>
        {
            try
            {
                var source = Source(parse.GetValue(name), parse.GetValue(manifest));
                var directory = Destination(parse.GetValue(to), source.Name);
                if (!parse.GetValue(force) && LocalCopy(source.Name) is { } found)
                {
                    output.WriteLine($"{source.Name} is already available at {found}; nothing fetched (--force fetches anyway).");
                    return ExitCodes.Success;
                }
                using var http = new HttpClient();
                await new DatasetFetcher(http, output).FetchAsync(source, directory, MirrorUri(parse.GetValue(mirror)), cancellation);
                output.WriteLine($"{source.Name}: ready in {directory}");
                return ExitCodes.Success;
            }
            catch (Exception exception)
            {
                return ErrorReport.Write(exception, error);
            }
        });
        return command;
    }

    private static DatasetSource Source(string? name, string? manifest)
    {
        if (manifest is not null)
            return name is null
                ? FetchManifest.Read(manifest)
                : throw new ConfigurationException("Give either a dataset name or --manifest, not both.");
        if (name is null)
            throw new ConfigurationException($"Name the dataset to fetch ({string.Join(", ", DatasetSources.Names)}) or give --manifest.");
        if (DatasetSources.Find(name) is { } source) return source;
        var hint = NearestKey.Find(name, DatasetSources.Names) is { } near ? $" Did you mean '{near}'?" : "";
        throw new ConfigurationException($"'data fetch' knows no dataset '{name}'.{hint} Known: {string.Join(", ", DatasetSources.Names)}.");
    }

    private static string Destination(string? to, string name)
    {
        if (!string.IsNullOrWhiteSpace(to)) return Path.GetFullPath(to);
        var root = Environment.GetEnvironmentVariable(DatasetLocator.EnvironmentVariable);
        return string.IsNullOrWhiteSpace(root)
            ? throw new ConfigurationException(
                $"Where should '{name}' go? Give --to DIR, or set {DatasetLocator.EnvironmentVariable} (the dataset then goes to " +
                $"${DatasetLocator.EnvironmentVariable}/{name}, where training looks for it).")
            : Path.GetFullPath(Path.Combine(root, name));
    }

    /// <summary>The folder of a local copy the engine would already read (the IDX datasets it can locate), or null.</summary>
    private static string? LocalCopy(string name)
    {
        if (DatasetCatalog.FindFileDataset(name) is null) return null;
        try
        {
            return DatasetLocator.FromEnvironment().Locate(name).Directory;
        }
        catch (DataException)
        {
            return null;
        }
    }

    private static Uri? MirrorUri(string? mirror)
    {
        if (string.IsNullOrWhiteSpace(mirror)) return null;
        if (!Uri.TryCreate(mirror.EndsWith('/') ? mirror : mirror + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ConfigurationException($"--mirror {mirror}: not an http(s) URL.");
        return uri;
    }
}
