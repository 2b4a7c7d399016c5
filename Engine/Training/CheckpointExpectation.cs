using TorchSharp;

namespace Neuromorph.Engine.Training;

/// <summary>
/// What a checkpoint must have been written for to be loaded into a run: the model by name and T (besides the
/// model's own state shapes, which <see cref="Check"/> reads from the module it loads into).
/// </summary>
internal sealed record CheckpointExpectation(string Model, int Timesteps)
{
    /// <summary>Throws a <see cref="CheckpointException"/> naming the first thing of the run the checkpoint does not fit.</summary>
    public void Check(CheckpointHeader header, torch.nn.Module module, string path)
    {
        if (header.Model != Model)
            throw new CheckpointException($"Checkpoint '{path}' is for model '{header.Model}', this run's model is '{Model}'.");
        if (header.Timesteps != Timesteps)
            throw new CheckpointException($"Checkpoint '{path}' is for T = {header.Timesteps}, this run has T = {Timesteps}.");
        // Format 1 recorded no shapes; the strict load still refuses other names, and other shapes by TorchSharp's own message.
        if (header.StateShapes is { } stored && CheckpointStateShape.FirstDifference(stored, CheckpointStateShape.Of(module)) is { } difference)
            throw new CheckpointException($"Checkpoint '{path}' does not fit this run's model '{Model}': {difference}.");
    }
}
