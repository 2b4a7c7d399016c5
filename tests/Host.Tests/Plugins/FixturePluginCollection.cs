using Neuromorph.Host.Tests.Plugins.OutOfTree;

namespace Neuromorph.Host.Tests.Plugins;

/// <summary>
/// Tests that load the fixture plugins or the attack built from the template share one build of each. The two build
/// side by side as the collection starts, through one compiler server: 17 s against 20 s one after the other in a test
/// run here (10.5 s against 18.7 s from a shell on a quieter machine).
/// </summary>
[CollectionDefinition(Name)]
public sealed class FixturePluginCollection : ICollectionFixture<FixturePluginBuild>, ICollectionFixture<OutOfTreePluginBuild>
{
    public const string Name = "Fixture plugins";
}
