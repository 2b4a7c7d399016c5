namespace Neuromorph.Host.Tests.Plugins.OutOfTree;

/// <summary>Tests that use the attack plugin built from the template share one build of it.</summary>
[CollectionDefinition(Name)]
public sealed class OutOfTreePluginCollection : ICollectionFixture<OutOfTreePluginBuild>
{
    public const string Name = "Out-of-tree attack plugin";
}
