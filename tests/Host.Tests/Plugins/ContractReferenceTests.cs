using Neuromorph.Abstractions;
using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.Tests.Plugins;

public sealed class ContractReferenceTests
{
    private const string PluginPath = "/plugins/Old/Old.dll";

    [Theory]
    [InlineData("1.0.0.0")]
    [InlineData("1.7.3.0")]
    public void Refusal_SameMajorVersion_Accepts(string referenced)
    {
        ContractReference.Refusal(Version.Parse(referenced), PluginPath).Should().BeNull();
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

        // The contract's assembly version stays Major.0.0.0 across minor versions, so plugins keep binding.
        ContractReference.ReadReferencedVersion(hostAssembly).Should().Be(new Version(ContractVersion.Major, 0, 0, 0));
    }
}
