using Neuromorph.Abstractions;

namespace Neuromorph.Host.Tests.Plugins.Doubles;

/// <summary>Marked as a plugin but implements no plugin interface.</summary>
[Plugin("kindless")]
internal sealed class KindlessPlugin
{
    public override string ToString() => "kindless";
}
