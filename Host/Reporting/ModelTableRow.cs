namespace Neuromorph.Host.Reporting;

/// <summary>One architecture in the <c>models</c> listing.</summary>
/// <param name="Name">Its <c>model.name</c>.</param>
/// <param name="Width">The base width it was built with; null for a model sized otherwise (<c>csnn</c>).</param>
/// <param name="Parameters">Its learnable parameters for the input and classes; null when it cannot take the input.</param>
/// <param name="Description">What it is and where it is published.</param>
/// <param name="InputProblem">Why it cannot take the input, or null.</param>
internal sealed record ModelTableRow(string Name, int? Width, long? Parameters, string Description, string? InputProblem);
