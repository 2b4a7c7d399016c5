using System.Runtime.CompilerServices;

namespace Neuromorph.Tests.Shared;

/// <summary>Applies Neuromorph's native-runtime settings before any test touches TorchSharp.</summary>
internal static class NativeRuntimeInitializer
{
#pragma warning disable CA2255 // Module initializers are the one place that runs before every test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => Neuromorph.Engine.NativeRuntimeSettings.Apply();
}
