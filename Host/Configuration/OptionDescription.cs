namespace Neuromorph.Host.Configuration;

/// <summary>One key of an options record, as the <c>plugins</c> command lists it.</summary>
/// <param name="Key">The TOML key (<c>snake_case</c>).</param>
/// <param name="TypeName">The value's type, e.g. <c>float</c>, <c>array of integer</c>, <c>one of a, b</c>.</param>
/// <param name="DefaultValue">The default rendered as a TOML value (<c>0.5</c>, <c>"lif"</c>, <c>[32, 64]</c>),
/// or the empty string when the option has no default value (an optional key).</param>
internal sealed record OptionDescription(string Key, string TypeName, string DefaultValue);
