namespace Neuromorph.Host.Reporting;

/// <summary>One early-exit threshold's figures in an evaluation file.</summary>
internal sealed record EarlyExitReport(double Threshold, double Accuracy, double MeanTimesteps);
