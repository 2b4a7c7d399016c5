using Neuromorph.Abstractions;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Plugins;
using TorchSharp;

namespace Neuromorph.Host.Tests.Composition;

public sealed class AttackFactoryTests
{
    private static readonly PluginDescriptor Descriptor = new(
        "odd-norm", PluginKind.Attack, "1.0.0", ContractVersion.Current, "/plugins/Odd/Odd.dll", typeof(NormedAttack), null, null);

    [Theory]
    [InlineData(PerturbationNorm.Linf)]
    [InlineData(PerturbationNorm.L2)]
    [InlineData(PerturbationNorm.Other)]
    public void DeclaredNorm_ANormOfTheContract_IsTaken(PerturbationNorm norm)
    {
        AttackFactory.DeclaredNorm(Descriptor, new NormedAttack(norm)).Should().Be(norm);
    }

    [Fact]
    public void DeclaredNorm_AValueTheContractDoesNotDefine_IsAPluginErrorNamingThePlugin()
    {
        var read = () => AttackFactory.DeclaredNorm(Descriptor, new NormedAttack((PerturbationNorm)7));

        read.Should().Throw<PluginConfigurationException>().Which.Message
            .Should().Contain("'odd-norm'").And.Contain("/plugins/Odd/Odd.dll").And.Contain("declares the norm 7")
            .And.Contain("Linf, L2, Other");
    }

    private sealed class NormedAttack(PerturbationNorm norm) : IAdversarialAttack
    {
        public PerturbationNorm Norm => norm;

        public torch.Tensor Perturb(IAttackTarget target, torch.Tensor inputs, torch.Tensor labels) => inputs;
    }
}
