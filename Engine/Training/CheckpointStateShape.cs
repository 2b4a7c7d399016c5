using TorchSharp;

namespace Neuromorph.Engine.Training;

/// <summary>
/// The name and shape of one entry of a module's state (a parameter or a buffer). A checkpoint's list of them
/// is the fingerprint of the network it was written from: class count, widths and layer names all show in it.
/// </summary>
internal sealed record CheckpointStateShape(string Name, long[] Shape)
{
    public static IReadOnlyList<CheckpointStateShape> Of(torch.nn.Module module) =>
        module.state_dict().Select(entry => new CheckpointStateShape(entry.Key, entry.Value.shape)).ToArray();

    /// <summary>How <paramref name="model"/> (the run's) differs from <paramref name="checkpoint"/>, or <c>null</c>.</summary>
    public static string? FirstDifference(IReadOnlyList<CheckpointStateShape> checkpoint, IReadOnlyList<CheckpointStateShape> model)
    {
        var stored = checkpoint.ToDictionary(entry => entry.Name);
        foreach (var entry in model)
        {
            if (!stored.TryGetValue(entry.Name, out var found))
                return $"this run's model has '{entry.Name}' {Format(entry.Shape)}, which the checkpoint lacks";
            if (!found.Shape.SequenceEqual(entry.Shape))
                return $"'{entry.Name}' is {Format(found.Shape)} in the checkpoint, {Format(entry.Shape)} in this run's model";
        }
        var names = model.Select(entry => entry.Name).ToHashSet();
        return checkpoint.FirstOrDefault(entry => !names.Contains(entry.Name)) is { } extra
            ? $"the checkpoint has '{extra.Name}' {Format(extra.Shape)}, which this run's model lacks"
            : null;
    }

    private static string Format(long[] shape) => $"[{string.Join(", ", shape)}]";
}
