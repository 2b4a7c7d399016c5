using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Neuromorph.Abstractions;

namespace Neuromorph.Host.Plugins;

/// <summary>
/// Checks, without loading it, that a plugin assembly was built against a contract with the host's
/// major version (<see cref="ContractVersion.Major"/>).
/// </summary>
internal static class ContractReference
{
    /// <summary>The contract assembly's simple name.</summary>
    public const string AssemblyName = "Neuromorph.Abstractions";

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

    /// <summary>
    /// Why the host refuses a plugin assembly that references contract <paramref name="referenced"/>,
    /// or null when it accepts it. <paramref name="assemblyPath"/> is named in the message.
    /// </summary>
    public static string? Refusal(Version? referenced, string assemblyPath)
    {
        var file = Path.GetFileName(assemblyPath);
        if (referenced is null)
        {
            return $"{file} does not reference {AssemblyName}, so it holds no Neuromorph plugins " +
                   "(a plugin implements a contract interface and carries [Plugin]).";
        }
        if (referenced.Major == ContractVersion.Major)
            return null;
        return $"{file} ({assemblyPath}) was built against plugin contract {referenced.Major}.{referenced.Minor} " +
               $"({AssemblyName} {referenced}), but this host provides contract {ContractVersion.Current}; " +
               $"major versions must match. Rebuild the plugin against {AssemblyName} {ContractVersion.Major}.x.";
    }
}
