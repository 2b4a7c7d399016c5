namespace Neuromorph.Host.Tests.Plugins.Doubles;

internal sealed record StrictSchemeOptions(int Window = 1);
