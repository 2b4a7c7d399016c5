namespace Neuromorph.Host.Sweeps;

/// <summary>A sweep cannot go on; <see cref="ExitCode"/> is the documented code the process ends with.</summary>
internal sealed class SweepException(string message, int exitCode, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
