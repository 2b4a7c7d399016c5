namespace Neuromorph.Abstractions;

/// <summary>The plugin marker as the old contract defined it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PluginAttribute(string name) : Attribute
{
    /// <summary>The name configuration files use to select the plugin.</summary>
    public string Name { get; } = name;
}
