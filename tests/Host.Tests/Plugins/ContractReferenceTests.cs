using Neuromorph.Abstractions;
using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.Tests.Plugins;

public sealed class ContractReferenceTests
{
    private const string PluginPath = "/plugins/Old/Old.dll";

    [Fact]
    public void Refusal_TheHostsOwnVersion_Accepts()
    {
        ContractReference.Refusal(new Version(ContractVersion.Major, ContractVersion.Minor, 0, 0), PluginPath).Should().BeNull();
    }

    [Fact]
    public void Refusal_AssemblyVersionOfContracts10And11_Accepts()
    {
        // Contracts 1.0 and 1.1 shipped with the assembly version pinned at 1.0.0.0: every plugin built before 1.2 references it.
        ContractReference.Refusal(new Version(1, 0, 0, 0), PluginPath).Should().BeNull();
    }

    [Fact]
    public void Refusal_NewerMinorVersion_SaysToUpdateTheHostOrBuildAgainstItsVersion()
    {
        var (major, minor) = (ContractVersion.Major, ContractVersion.Minor);

        var refusal = ContractReference.Refusal(new Version(major, minor + 1, 0, 0), PluginPath);

        refusal.Should().Be(
            $"Old.dll ({PluginPath}) was built against contract {major}.{minor + 1}, this host provides {major}.{minor}; " +
            $"update Neuromorph or build against {major}.{minor}.");
    }

    [Fact]
    public void Refusal_OtherMajorVersion_NamesBothVersionsAndTheFile()
    {
        var refusal = ContractReference.Refusal(new Version(2, 1, 0, 0), PluginPath);

        refusal.Should().Contain("Old.dll").And.Contain(PluginPath)
            .And.Contain("contract 2.1").And.Contain($"contract {ContractVersion.Current}").And.Contain("Neuromorph.Abstractions 1.x");
    }

    [Fact]
    public void Refusal_NoContractReference_SaysItHoldsNoPlugins()
    {
        ContractReference.Refusal(null, PluginPath).Should().Contain("Old.dll does not reference Neuromorph.Abstractions");
    }

    [Fact]
    public void ReadReferencedVersion_TheHostAssembly_IsTheContractItReferences()
    {
        var hostAssembly = typeof(PluginCatalog).Assembly.Location;

        ContractReference.ReadReferencedVersion(hostAssembly).Should().Be(new Version(ContractVersion.Major, ContractVersion.Minor, 0, 0));
    }
}
