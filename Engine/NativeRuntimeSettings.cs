using System.Runtime.InteropServices;

namespace Neuromorph.Engine;

/// <summary>
/// Settings for libtorch's native kernels that must be in place before TorchSharp loads.
/// </summary>
/// <remarks>
/// libtorch 2.10's oneDNN AVX-512 convolution kernels return corrupted input gradients (whole channels of
/// NaN upstream of a convolution, in a few percent of iterations) when run on two threads on AVX-512 CPUs
/// such as AMD EPYC (Zen 4); with AVX2 kernels the same computation is exact. Neuromorph therefore caps
/// oneDNN at AVX2 (with VNNI where present) through <c>ONEDNN_MAX_CPU_ISA</c>, unless the user has set that
/// variable. The variable must reach the native environment (<c>setenv</c>), which
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not do on Unix.
/// <para>
/// It also tunes glibc's allocator: libtorch allocates and frees the same large activation buffers every
/// iteration, which by default go straight to <c>mmap</c>/<c>munmap</c> and cost a page fault per page on
/// each reuse. Raising the mmap and trim thresholds keeps them in the heap (measured on the quickstart
/// model: training throughput +14 %).
/// </para>
/// </remarks>
internal static partial class NativeRuntimeSettings
{
    public const string InstructionSetVariable = "ONEDNN_MAX_CPU_ISA";
    public const string SafeInstructionSet = "AVX2_VNNI";

    /// <summary>Applies the settings; call it before the first TorchSharp call. Idempotent.</summary>
    public static void Apply()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        if (OperatingSystem.IsLinux()) KeepLargeBuffersInHeap();
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(InstructionSetVariable))) return;
        SetNativeEnvironment(InstructionSetVariable, SafeInstructionSet, overwrite: 0);
        Environment.SetEnvironmentVariable(InstructionSetVariable, SafeInstructionSet);
    }

    private static void KeepLargeBuffersInHeap()
    {
        const int TrimThreshold = -1, TopPad = -2, MmapThreshold = -3;
        try
        {
            SetAllocatorOption(MmapThreshold, 32 << 20);
            SetAllocatorOption(TrimThreshold, 1 << 30);
            SetAllocatorOption(TopPad, 64 << 20);
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (e.g. musl): its allocator has no such options.
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int SetAllocatorOption(int option, int value);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetNativeEnvironment(string name, string value, int overwrite);
}
