using System.Globalization;
using System.Reflection;

namespace Neuromorph.Fixtures;

#if FIXTURE_BROKEN
#error This build of the fixture fails on purpose (FixtureBroken=true).
#endif

/// <summary>How this build of a fixture was made (see FixtureBuild.props): its revision and deliberate fault.</summary>
internal static class FixtureBuild
{
    /// <summary>The build's revision: 1 unless the FixtureRevision variable was set.</summary>
    public static int Revision { get; } = int.Parse(Metadata("FixtureRevision") ?? "1", CultureInfo.InvariantCulture);

    /// <summary>
    /// The fault built in: empty for none, <c>constructor</c> (the constructor throws), <c>every-call</c> (every
    /// call throws, so the host's probe fails), <c>after-probe</c> (every call but the first throws) or <c>late</c>
    /// (every call from the 20th on throws: the plugin passes its probe and its trial, then fails).
    /// </summary>
    public static string Fault { get; } = Metadata("FixtureFault") ?? "";

    /// <summary>Throws when the build's fault is <c>constructor</c>.</summary>
    public static void ConstructorFault(string plugin)
    {
        if (Fault == "constructor")
            throw new InvalidOperationException($"{plugin} revision {Revision} fails in its constructor on purpose.");
    }

    /// <summary>Throws when the build's fault makes call number <paramref name="call"/> (from 1) of an instance fail.</summary>
    public static void CallFault(string plugin, int call)
    {
        if (Fault == "every-call" || (Fault == "after-probe" && call > 1) || (Fault == "late" && call >= 20))
            throw new InvalidOperationException($"{plugin} revision {Revision} fails on call {call} on purpose.");
    }

    private static string? Metadata(string key) => typeof(FixtureBuild).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(attribute => attribute.Key == key)?.Value;
}
