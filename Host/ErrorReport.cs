using Neuromorph.Abstractions;
using Neuromorph.Data;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Hosting;
using Neuromorph.Host.Plugins;

namespace Neuromorph.Host;

/// <summary>
/// Turns an exception into a message for the user and a documented exit code. Known failures print one
/// clear message and no stack trace; unexpected ones print their type and message, and the stack trace with
/// <c>--verbose</c> (for a bug report).
/// </summary>
internal static class ErrorReport
{
    /// <summary>errno ENOSPC, which .NET reports as the <see cref="Exception.HResult"/> of the <see cref="IOException"/>.</summary>
    private const int NoSpaceLeft = 28;

    /// <summary>Whether stack traces are printed (<c>--verbose</c>); set once per command line invocation.</summary>
    public static bool Verbose { get; set; }

    public static int Write(Exception exception, TextWriter error)
    {
        var (code, message) = Classify(exception);
        error.WriteLine($"error: {message}");
        if (Verbose) error.WriteLine(exception);
        return code;
    }

    public static (int Code, string Message) Classify(Exception exception) => exception switch
    {
        ConfigurationException e => (ExitCodes.UsageError, e.Message),
        Sweeps.SweepException e => (e.ExitCode, e.Message),
        PluginOptionsException e => (ExitCodes.UsageError, e.Message),
        PluginConfigurationException e => (ExitCodes.UsageError, e.Message),
        DataException e => (ExitCodes.DataError, e.Message),
        CheckpointException e => (ExitCodes.DataError, e.Message),
        RunDirectoryException e => (ExitCodes.DataError, e.Message),
        NonFiniteLossException e => (ExitCodes.RuntimeFailure, e.Message),
        PluginFailureException e => (ExitCodes.RuntimeFailure, e.Message),
        DataFetch.DownloadException e => (ExitCodes.RuntimeFailure, e.Message),
        IOException { HResult: NoSpaceLeft } e => (ExitCodes.RuntimeFailure,
            $"the disk is full ({e.Message}). Free space there; the files already written are whole, and " +
            "'train --resume' continues a run from its last checkpoint."),
        StartUpInterruptedException e => (ExitCodes.Interrupted, e.Message),
        OperationCanceledException => (ExitCodes.Interrupted, "interrupted."),
        _ => (ExitCodes.RuntimeFailure,
            $"unexpected failure: {exception.GetType().Name}: {exception.Message}" +
            (Verbose ? "" : " (run again with --verbose for the stack trace to report)")),
    };
}
