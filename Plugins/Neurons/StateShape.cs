using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>The check that a state carried into a step fits the step's input.</summary>
internal static class StateShape
{
    /// <summary>
    /// Throws unless the state variable <paramref name="name"/> has the input's shape: element-wise arithmetic would
    /// otherwise broadcast a state of another layer silently.
    /// </summary>
    public static void EnsureMatches(Tensor variable, Tensor input, string name)
    {
        if (variable.shape.SequenceEqual(input.shape)) return;
        throw new ArgumentException(
            $"The neuron state's '{name}' has shape [{string.Join(", ", variable.shape)}] but the input has shape " +
            $"[{string.Join(", ", input.shape)}]; create the state from an input of this layer.", "state");
    }
}
