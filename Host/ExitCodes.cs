namespace Neuromorph.Host;

/// <summary>The process exit codes Neuromorph documents (see the README).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>A failure while running (for example training diverged or a plugin threw).</summary>
    public const int RuntimeFailure = 1;

    /// <summary>Bad command line or configuration; nothing was run.</summary>
    public const int UsageError = 2;

    /// <summary>A dataset or checkpoint is missing, truncated or corrupt.</summary>
    public const int DataError = 3;

    /// <summary>Interrupted (Ctrl+C or SIGTERM) after writing a checkpoint; <c>--resume</c> continues.</summary>
    public const int Interrupted = 130;
}
