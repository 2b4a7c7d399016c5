using System.Globalization;
using Neuromorph.Abstractions;

namespace Neuromorph.Engine.Network;

/// <summary>One declared parameter of one neuron layer across a model replacement, for the run's log.</summary>
/// <param name="Layer">The neuron layer, e.g. <c>spike1</c>.</param>
/// <param name="Kind">What happened to it.</param>
/// <param name="Before">The old model's declaration; null when <see cref="NeuronParameterChangeKind.Added"/>.</param>
/// <param name="After">The new model's declaration; null when <see cref="NeuronParameterChangeKind.Removed"/>.</param>
internal sealed record NeuronParameterChange(string Layer, NeuronParameterChangeKind Kind, NeuronParameter? Before, NeuronParameter? After)
{
    public string Name => (After ?? Before)!.Name;

    /// <summary>E.g. <c>spike1.tau_logit: re-created (Scalar, initial 0 -> PerChannel, initial 0)</c>.</summary>
    public override string ToString() => Kind switch
    {
        NeuronParameterChangeKind.Kept => $"{Layer}.{Name}: kept ({Describe(After!)})",
        NeuronParameterChangeKind.Added => $"{Layer}.{Name}: added ({Describe(After!)})",
        NeuronParameterChangeKind.Recreated => $"{Layer}.{Name}: re-created ({Describe(Before!)} -> {Describe(After!)})",
        _ => $"{Layer}.{Name}: removed (was {Describe(Before!)})",
    };

    private static string Describe(NeuronParameter declaration) =>
        string.Create(CultureInfo.InvariantCulture, $"{declaration.Shape}, initial {declaration.InitialValue:G6}");
}
