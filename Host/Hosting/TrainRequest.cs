namespace Neuromorph.Host.Hosting;

/// <summary>What the user asked <c>train</c> to do.</summary>
internal sealed record TrainRequest(string ConfigPath, IReadOnlyList<string> Overrides, string? RunDirectory, bool Resume);
