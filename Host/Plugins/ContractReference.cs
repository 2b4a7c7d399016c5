using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Neuromorph.Abstractions;

namespace Neuromorph.Host.Plugins;

/// <summary>
/// Reads, without loading it, which contract version a plugin assembly was built against (the version of
/// <c>Neuromorph.Abstractions</c> it references, <c>Major.Minor.0.0</c>) and decides whether the host can load it:
/// the same major version as <see cref="ContractVersion.Current"/> and a minor version no newer than it.
/// </summary>
internal static class ContractReference
{
    /// <summary>The contract assembly's simple name.</summary>
    public const string AssemblyName = "Neuromorph.Abstractions";

    /// <summary>
    /// The assembly version contracts 1.0 and 1.1 both carried: it was pinned before contract 1.2 made the assembly
    /// version follow the contract version, so a reference to it means "built against 1.0 or 1.1".
    /// </summary>
    private static readonly Version PinnedBefore12 = new(1, 0, 0, 0);

    /// <summary>
    /// The version of <c>Neuromorph.Abstractions</c> that the assembly at <paramref name="assemblyPath"/>
    /// references, or null when it references none. Throws <see cref="BadImageFormatException"/> when the
    /// file is not a .NET assembly.
    /// </summary>
    public static Version? ReadReferencedVersion(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var peReader = new PEReader(stream);
        if (!peReader.HasMetadata)
            throw new BadImageFormatException("The file is not a .NET assembly (it has no metadata).", assemblyPath);
        return ReadReferencedVersion(peReader.GetMetadataReader());
    }

    /// <summary>The version of <c>Neuromorph.Abstractions</c> an assembly's <paramref name="metadata"/> references, or null.</summary>
    public static Version? ReadReferencedVersion(MetadataReader metadata)
    {
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            if (metadata.StringComparer.Equals(reference.Name, AssemblyName))
                return reference.Version;
        }
        return null;
    }

    /// <summary>The contract version a referenced assembly version stands for, for people: <c>1.2</c>, or <c>1.0-1.1</c>.</summary>
    public static string Describe(Version referenced) =>
        referenced == PinnedBefore12 ? "1.0-1.1" : $"{referenced.Major}.{referenced.Minor}";

    /// <summary>
    /// Why the host refuses a plugin assembly that references contract <paramref name="referenced"/>,
    /// or null when it accepts it. <paramref name="assemblyPath"/> is named in the message.
    /// </summary>
    public static string? Refusal(Version? referenced, string assemblyPath)
    {
        var file = Path.GetFileName(assemblyPath);
        var host = ContractVersion.Current;
        if (referenced is null)
        {
            return $"{file} does not reference {AssemblyName}, so it holds no Neuromorph plugins " +
                   "(a plugin implements a contract interface and carries [Plugin]).";
        }
        if (referenced.Major != host.Major)
        {
            return $"{file} ({assemblyPath}) was built against plugin contract {referenced.Major}.{referenced.Minor} " +
                   $"({AssemblyName} {referenced}), but this host provides contract {host}; " +
                   $"major versions must match. Rebuild the plugin against {AssemblyName} {host.Major}.x.";
        }
        // A newer minor version may use types and members this host lacks: loading would fail on the first of them.
        if (referenced.Minor > host.Minor)
        {
            return $"{file} ({assemblyPath}) was built against contract {referenced.Major}.{referenced.Minor}, " +
                   $"this host provides {host}; update Neuromorph or build against {host}.";
        }
        return null;
    }
}
