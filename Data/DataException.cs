namespace Neuromorph.Data;

/// <summary>
/// A dataset could not be found or read: a missing, truncated or malformed file. The message names the
/// file (or the places searched) and what is wrong. The host reports it with exit code 3.
/// </summary>
internal sealed class DataException : Exception
{
    public DataException(string message)
        : base(message)
    {
    }

    public DataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
