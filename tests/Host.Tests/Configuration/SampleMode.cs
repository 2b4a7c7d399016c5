namespace Neuromorph.Host.Tests.Configuration;

/// <summary>An enum option of <see cref="SampleOptions"/>.</summary>
public enum SampleMode
{
    Fast,
    StrongToWeak,
}
