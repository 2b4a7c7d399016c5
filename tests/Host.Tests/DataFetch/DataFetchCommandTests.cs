using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Neuromorph.Host.Tests.Cli;

namespace Neuromorph.Host.Tests.DataFetch;

/// <summary>
/// <c>data fetch</c> against a local HTTP server on 127.0.0.1 (no test touches the internet): verified,
/// atomic, resumable downloads, archives unpacked all or nothing, and the documented exit codes.
/// </summary>
public sealed class DataFetchCommandTests : IDisposable
{
    private static readonly byte[] Readme = Encoding.UTF8.GetBytes("a small dataset\n");
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-fetch-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Target => Path.Combine(root, "dataset");

    [Fact]
    public async Task Fetch_Manifest_DownloadsVerifiesAndUnpacks()
    {
        var archive = TarGz(("inner/a.bin", [1, 2, 3]), ("inner/b.bin", [4, 5]));
        using var server = new LocalFileServer(new Dictionary<string, byte[]> { ["readme.txt"] = Readme, ["data.tar.gz"] = archive });
        var manifest = Manifest(server, ("readme.txt", Readme), ("data.tar.gz", archive));

        var run = await CliRun.RunAsync("data", "fetch", "--manifest", manifest, "--to", Target);

        run.ExitCode.Should().Be(0, run.Error);
        File.ReadAllBytes(Path.Combine(Target, "readme.txt")).Should().Equal(Readme);
        File.ReadAllBytes(Path.Combine(Target, "data.tar.gz")).Should().Equal(archive);
        File.ReadAllBytes(Path.Combine(Target, "inner", "a.bin")).Should().Equal(1, 2, 3);
        File.ReadAllBytes(Path.Combine(Target, "inner", "b.bin")).Should().Equal(4, 5);
        Directory.EnumerateFileSystemEntries(Target).Select(Path.GetFileName).Should().BeEquivalentTo(["readme.txt", "data.tar.gz", "inner"]);
    }

    [Fact]
    public async Task Fetch_ChecksumMismatch_ExitsThreeNamingTheFileAndKeepsNothing()
    {
        using var server = new LocalFileServer(new Dictionary<string, byte[]> { ["readme.txt"] = Readme });
        var manifest = Manifest(server, ("readme.txt", Encoding.UTF8.GetBytes("what the publisher released\n")));

        var run = await CliRun.RunAsync("data", "fetch", "--manifest", manifest, "--to", Target);

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain(Path.Combine(Target, "readme.txt.part")).And.Contain("expected").And.Contain("download was deleted");
        Directory.EnumerateFiles(Target).Should().BeEmpty("neither the file nor a partial download is kept");
    }

    [Fact]
    public async Task Fetch_ConnectionDropped_SecondRunResumesFromTheBytesAlreadyThere()
    {
        var body = RandomBytes(100_000, seed: 1);
        using var server = new LocalFileServer(new Dictionary<string, byte[]> { ["big.bin"] = body }) { CutAfter = 40_000 };
        var manifest = Manifest(server, ("big.bin", body));

        var first = await CliRun.RunAsync("data", "fetch", "--manifest", manifest, "--to", Target);

        first.ExitCode.Should().Be(1, "a dropped connection is a transport failure");
        first.Error.Should().Contain("run the command again to resume");
        File.Exists(Path.Combine(Target, "big.bin")).Should().BeFalse("an incomplete file never gets the real name");
        new FileInfo(Path.Combine(Target, "big.bin.part")).Length.Should().Be(40_000);

        var second = await CliRun.RunAsync("data", "fetch", "--manifest", manifest, "--to", Target);

        second.ExitCode.Should().Be(0, second.Error);
        server.Requests.Should().Equal("big.bin", "big.bin from=40000");
        File.ReadAllBytes(Path.Combine(Target, "big.bin")).Should().Equal(body);
        File.Exists(Path.Combine(Target, "big.bin.part")).Should().BeFalse();
    }

    [Fact]
    public async Task Fetch_ServerWithoutRangeSupport_StartsOverAndStillGetsTheFile()
    {
        var body = RandomBytes(50_000, seed: 2);
        using var server = new LocalFileServer(new Dictionary<string, byte[]> { ["big.bin"] = body }) { CutAfter = 10_000 };
        var manifest = Manifest(server, ("big.bin", body));
        await CliRun.RunAsync("data", "fetch", "--manifest", manifest, "--to", Target);
        server.IgnoreRange = true;

        var second = await CliRun.RunAsync("data", "fetch", "--manifest", manifest, "--to", Target);

        second.ExitCode.Should().Be(0, second.Error);
        File.ReadAllBytes(Path.Combine(Target, "big.bin")).Should().Equal(body);
    }

    [Fact]
    public async Task Fetch_FilesAlreadyThereAndVerified_DownloadsNothing()
    {
        using var server = new LocalFileServer(new Dictionary<string, byte[]> { ["readme.txt"] = Readme });
        var manifest = Manifest(server, ("readme.txt", Readme));
        Directory.CreateDirectory(Target);
        File.WriteAllBytes(Path.Combine(Target, "readme.txt"), Readme);

        var run = await CliRun.RunAsync("data", "fetch", "--manifest", manifest, "--to", Target);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("present and verified");
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Fetch_FileAlreadyThereButDifferent_ExitsThreeAndLeavesItAlone()
    {
        using var server = new LocalFileServer(new Dictionary<string, byte[]> { ["readme.txt"] = Readme });
        var manifest = Manifest(server, ("readme.txt", Readme));
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "readme.txt"), "a small datasex\n"); // same size, other bytes

        var run = await CliRun.RunAsync("data", "fetch", "--manifest", manifest, "--to", Target);

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain(Path.Combine(Target, "readme.txt")).And.Contain("SHA-256").And.Contain("Move it away");
        File.ReadAllText(Path.Combine(Target, "readme.txt")).Should().Be("a small datasex\n");
    }

    [Fact]
    public async Task Fetch_CorruptArchive_ExitsThreeAndUnpacksNothing()
    {
        var notGzip = Encoding.ASCII.GetBytes("this is not a gzip stream at all");
        using var server = new LocalFileServer(new Dictionary<string, byte[]> { ["data.tar.gz"] = notGzip });
        var manifest = Manifest(server, ("data.tar.gz", notGzip));

        var run = await CliRun.RunAsync("data", "fetch", "--manifest", manifest, "--to", Target);

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain("data.tar.gz").And.Contain("could not be unpacked");
        Directory.EnumerateFileSystemEntries(Target).Select(Path.GetFileName).Should().Equal("data.tar.gz");
    }

    [Fact]
    public async Task Fetch_BuiltInDatasetFromAMirrorServingOtherBytes_FailsVerificationAgainstThePublishedChecksum()
    {
        using var server = new LocalFileServer(new Dictionary<string, byte[]> { ["cifar-10-binary.tar.gz"] = Readme });

        var run = await CliRun.RunAsync("data", "fetch", "cifar10", "--to", Target, "--mirror", server.BaseUrl.ToString());

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain("cifar-10-binary.tar.gz").And.Contain("expected 170,052,171");
        server.Requests.Should().Equal("cifar-10-binary.tar.gz");
    }

    [Fact]
    public async Task Fetch_ManualDataset_Missing_ExitsThreeWithWhereToGetIt()
    {
        var run = await CliRun.RunAsync("data", "fetch", "dvs-gesture", "--to", Target);

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain("DvsGesture.tar.gz").And.Contain("ibm.ent.box.com");
    }

    [Theory]
    [InlineData("cifar-10", "Did you mean 'cifar10'")]
    [InlineData("", "Name the dataset")]
    public async Task Fetch_BadName_ExitsTwo(string name, string message)
    {
        var arguments = name.Length == 0 ? new[] { "data", "fetch", "--to", Target } : ["data", "fetch", name, "--to", Target];

        var run = await CliRun.RunAsync(arguments);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(message);
    }

    [Fact]
    public async Task Fetch_ManifestWithoutSha256_ExitsTwo()
    {
        var path = Path.Combine(root, "manifest.json");
        File.WriteAllText(path, """{"name": "x", "files": [{"file": "a", "url": "http://127.0.0.1:1/a"}]}""");

        var run = await CliRun.RunAsync("data", "fetch", "--manifest", path, "--to", Target);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("'sha256' is missing");
    }

    [Fact]
    public async Task Fetch_DatasetTheEngineAlreadyFindsLocally_IsReportedAndNotDownloaded()
    {
        var local = Path.Combine(root, "local");
        Directory.CreateDirectory(local);
        foreach (var name in new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" })
            File.WriteAllBytes(Path.Combine(local, name + ".gz"), []);
        var before = Environment.GetEnvironmentVariable("NEUROMORPH_DATA");
        Environment.SetEnvironmentVariable("NEUROMORPH_DATA", local);
        try
        {
            var run = await CliRun.RunAsync("data", "fetch", "fashion-mnist", "--to", Target, "--mirror", "http://127.0.0.1:1/");

            run.ExitCode.Should().Be(0, run.Error);
            run.Output.Should().Contain($"already available at {local}");
            Directory.Exists(Target).Should().BeFalse();
        }
        finally
        {
            Environment.SetEnvironmentVariable("NEUROMORPH_DATA", before);
        }
    }

    private string Manifest(LocalFileServer server, params (string File, byte[] Published)[] files)
    {
        var path = Path.Combine(root, "manifest.json");
        var entries = files.Select(file => new Dictionary<string, object>
        {
            ["file"] = file.File,
            ["url"] = new Uri(server.BaseUrl, file.File).ToString(),
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(file.Published)),
            ["size"] = file.Published.LongLength,
        });
        File.WriteAllText(path, JsonSerializer.Serialize(new { name = "test-dataset", files = entries }));
        return path;
    }

    private static byte[] TarGz(params (string Name, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
            foreach (var (name, content) in entries)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        return memory.ToArray();
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
