namespace Neuromorph.Abstractions;

/// <summary>The plugin marker as contract 1.1 defined it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PluginAttribute(string name) : Attribute
{
    /// <summary>The name configuration files use to select the plugin.</summary>
    public string Name { get; } = name;

    /// <summary>A one-line description shown by the <c>plugins</c> command.</summary>
    public string? Description { get; init; }
}
