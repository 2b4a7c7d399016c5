namespace Neuromorph.Host.Configuration;

/// <summary>
/// Marks an options record's <see cref="Tomlyn.Model.TomlTable"/> parameter that receives every key of the
/// table that matches no other parameter, instead of those keys being rejected. <c>[distillation]</c> uses it:
/// keys other than <c>scheme</c> belong to the scheme plugin and are bound later with its options type.
/// When the options are rendered back to TOML, the collected keys are written into the same table.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class ExtensionKeysAttribute : Attribute;
