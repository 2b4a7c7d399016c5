namespace Neuromorph.Abstractions;

/// <summary>How many values a <see cref="NeuronParameter"/> holds in one neuron layer.</summary>
public enum ParameterShape
{
    /// <summary>
    /// One value for the whole layer: a tensor of shape <c>[]</c> (zero dimensions), which broadcasts
    /// against any input.
    /// </summary>
    Scalar,

    /// <summary>
    /// One value per feature channel, where the channels are dimension 1 of the layer's input for one
    /// timestep, <c>[B, C, ...]</c>: the C convolution channels of <c>[B, C, H, W]</c>, or the C features of
    /// a fully connected layer's <c>[B, C]</c>. The engine stores it as <c>[C]</c> and hands it to the model
    /// as <c>[C, 1, ..., 1]</c> with one trailing 1 per dimension after C (<c>[C, 1, 1]</c> for
    /// <c>[B, C, H, W]</c>, <c>[C]</c> for <c>[B, C]</c>), so it broadcasts against one timestep
    /// <c>[B, C, ...]</c> and against all timesteps <c>[T, B, C, ...]</c> alike.
    /// </summary>
    PerChannel,
}
