using System.Text;
using Neuromorph.Data;
using Neuromorph.Host.DataFetch;

namespace Neuromorph.Host.Tests.DataFetch;

public sealed class FileChecksumTests : IDisposable
{
    private readonly string path = Path.GetTempFileName();

    public FileChecksumTests() => File.WriteAllBytes(path, Encoding.ASCII.GetBytes("abc"));

    public void Dispose() => File.Delete(path);

    // The digests of "abc" are the test vectors of FIPS 180-2 (SHA-256) and RFC 1321 (MD5).
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private const string AbcMd5 = "900150983cd24fb0d6963f7d28e17f72";

    private static RemoteFile File3(long? size = 3, string? sha256 = AbcSha256, string? md5 = AbcMd5) =>
        new("abc", new Uri("http://127.0.0.1/abc"), size, sha256, md5);

    [Fact]
    public void Matches_SizeAndBothDigests_True() => FileChecksum.Matches(path, File3()).Should().BeTrue();

    [Theory]
    [InlineData(4L, AbcSha256, AbcMd5, "size 3 bytes, expected 4")]
    [InlineData(3L, "0000000000000000000000000000000000000000000000000000000000000000", AbcMd5, "SHA-256 " + AbcSha256)]
    [InlineData(3L, AbcSha256, "00000000000000000000000000000000", "MD5 " + AbcMd5)]
    public void Verify_AnyMismatch_ThrowsNamingTheFileAndTheActualValue(long size, string sha256, string md5, string message)
    {
        var verify = () => FileChecksum.Verify(path, File3(size, sha256, md5), "Fix it.");

        verify.Should().Throw<DataException>().WithMessage($"*{path}*{message}*Fix it.");
    }

    [Fact]
    public void Verify_OnlyAnMd5Published_ChecksThatAlone() => FileChecksum.Matches(path, File3(size: null, sha256: null)).Should().BeTrue();
}
