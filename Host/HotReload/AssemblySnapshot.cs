using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.HotReload;

/// <summary>
/// What a plugin assembly file holds at one moment, read without loading it: its content hash, the version it
/// declares and the contract version it was built against.
/// </summary>
/// <param name="Path">The assembly file.</param>
/// <param name="Sha256">The SHA-256 of the file's bytes, in lower-case hex.</param>
/// <param name="Version">The informational version (else the assembly version); <c>unknown</c> when unreadable.</param>
/// <param name="ContractReference">The <c>Neuromorph.Abstractions</c> version it references, or null.</param>
/// <param name="Problem">Why the file is not a readable .NET assembly, or null when it is.</param>
internal sealed record AssemblySnapshot(string Path, string Sha256, string Version, Version? ContractReference, string? Problem)
{
    private const string InformationalVersionAttribute = "AssemblyInformationalVersionAttribute";

    /// <summary>The first 8 hex digits of <see cref="Sha256"/>, enough to tell builds apart in a log.</summary>
    public string ShortHash => Sha256[..8];

    /// <summary>The version and hash as one string, e.g. <c>2.3.4 (sha256 1a2b3c4d)</c>.</summary>
    public string Describe() => $"{Version} (sha256 {ShortHash})";

    /// <summary>Reads the file at <paramref name="path"/>; throws <see cref="IOException"/> when it cannot be read.</summary>
    public static AssemblySnapshot Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        try
        {
            using var peReader = new PEReader(ImmutableArray.Create(bytes));
            if (!peReader.HasMetadata)
                return new AssemblySnapshot(path, sha256, "unknown", null, "the file is not a .NET assembly (it has no metadata)");
            var metadata = peReader.GetMetadataReader();
            return new AssemblySnapshot(path, sha256, VersionOf(metadata), Plugins.ContractReference.ReadReferencedVersion(metadata), null);
        }
        catch (BadImageFormatException e)
        {
            return new AssemblySnapshot(path, sha256, "unknown", null, $"the file is not a loadable .NET assembly: {e.Message}");
        }
    }

    /// <summary>Why the host refuses this file as a plugin assembly (not .NET, or another contract major version), or null.</summary>
    public string? Refusal() => Problem ?? Plugins.ContractReference.Refusal(ContractReference, Path);

    /// <summary>Whether the file still holds what this snapshot read (a rebuild may be writing it again).</summary>
    public bool StillOnDisk()
    {
        try
        {
            return Read(Path).Sha256 == Sha256;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string VersionOf(MetadataReader metadata)
    {
        var assembly = metadata.GetAssemblyDefinition();
        foreach (var handle in assembly.GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
                continue;
            var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference)
                continue;
            var type = metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (!metadata.StringComparer.Equals(type.Name, InformationalVersionAttribute))
                continue;
            var value = metadata.GetBlobReader(attribute.Value);
            if (value.Length >= 2 && value.ReadUInt16() == 1 && value.ReadSerializedString() is { Length: > 0 } informational)
                return informational;
        }
        return assembly.Version.ToString();
    }
}
