namespace Neuromorph.Host.Tests.Plugins;

/// <summary>Tests that load the fixture plugins share one build of them.</summary>
[CollectionDefinition(Name)]
public sealed class FixturePluginCollection : ICollectionFixture<FixturePluginBuild>
{
    public const string Name = "Fixture plugins";
}
