namespace Neuromorph.Engine.Training;

/// <summary>A checkpoint file that is missing, corrupt, truncated or made for another model.</summary>
internal sealed class CheckpointException(string message, Exception? inner = null) : Exception(message, inner);
