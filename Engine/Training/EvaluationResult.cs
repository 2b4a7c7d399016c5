namespace Neuromorph.Engine.Training;

/// <summary>
/// Test-set accuracy of the mean-over-T prediction, and of the prediction that uses only the first k
/// timesteps: <see cref="AccuracyAtTimesteps"/>[k-1] (so its last element equals <see cref="Accuracy"/>).
/// </summary>
internal sealed record EvaluationResult(int Samples, double Accuracy, double[] AccuracyAtTimesteps);
