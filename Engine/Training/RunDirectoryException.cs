namespace Neuromorph.Engine.Training;

/// <summary>A file of a run directory is corrupt or missing where the run needs it (the message names it).</summary>
internal sealed class RunDirectoryException(string message, Exception? inner = null) : Exception(message, inner);
