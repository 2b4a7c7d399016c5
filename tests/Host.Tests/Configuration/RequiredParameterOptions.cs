namespace Neuromorph.Host.Tests.Configuration;

/// <summary>Not a valid options record: its parameter has no default.</summary>
public sealed record RequiredParameterOptions(int Count);
