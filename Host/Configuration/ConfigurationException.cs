namespace Neuromorph.Host.Configuration;

/// <summary>
/// A configuration error found before any work starts: a TOML syntax error, an unknown key, a value of the
/// wrong type or out of range, a malformed <c>--set</c>. The message says what is wrong, where (file, line
/// and column or the dotted key) and how to fix it. The host reports it and exits with code 2.
/// </summary>
internal sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
