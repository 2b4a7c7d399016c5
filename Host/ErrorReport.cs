using Neuromorph.Abstractions;
using Neuromorph.Data;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plugins;

namespace Neuromorph.Host;

/// <summary>
/// Turns an exception into a message for the user and a documented exit code. Known failures print one
/// clear message and no stack trace; unexpected ones print the exception for a bug report.
/// </summary>
internal static class ErrorReport
{
    public static int Write(Exception exception, TextWriter error)
    {
        var (code, message) = Classify(exception);
        error.WriteLine($"error: {message}");
        return code;
    }

    public static (int Code, string Message) Classify(Exception exception) => exception switch
    {
        ConfigurationException e => (ExitCodes.UsageError, e.Message),
        PluginOptionsException e => (ExitCodes.UsageError, e.Message),
        PluginConfigurationException e => (ExitCodes.UsageError, e.Message),
        DataException e => (ExitCodes.DataError, e.Message),
        CheckpointException e => (ExitCodes.DataError, e.Message),
        NonFiniteLossException e => (ExitCodes.RuntimeFailure, e.Message),
        DataFetch.DownloadException e => (ExitCodes.RuntimeFailure, e.Message),
        OperationCanceledException => (ExitCodes.Interrupted, "interrupted."),
        _ => (ExitCodes.RuntimeFailure, $"unexpected failure: {exception}"),
    };
}
