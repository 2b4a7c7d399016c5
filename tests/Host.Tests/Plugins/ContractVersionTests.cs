using Neuromorph.Abstractions;

namespace Neuromorph.Host.Tests.Plugins;

/// <summary>The contract's version is written once and visible in its assembly's identity.</summary>
public sealed class ContractVersionTests
{
    [Fact]
    public void AssemblyVersion_IsMajorMinorOfTheContract()
    {
        // Plugins record the assembly version they reference: it must carry the minor version too.
        typeof(ContractVersion).Assembly.GetName().Version
            .Should().Be(new Version(ContractVersion.Major, ContractVersion.Minor, 0, 0));
    }

    [Fact]
    public void Current_IsMajorDotMinor()
    {
        ContractVersion.Current.Should().Be(new Version(ContractVersion.Major, ContractVersion.Minor));
    }
}
