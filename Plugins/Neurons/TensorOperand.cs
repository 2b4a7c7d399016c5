using System.Numerics;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// A tensor seen through the generic-math operator interfaces, so that a <see cref="MembraneCharge"/> rule, written
/// once over any number type, also runs as tensor operations (TorchSharp's tensor implements none of them). Each
/// operator is the tensor's own: the operations autograd records are those of writing the formula on tensors.
/// </summary>
internal readonly struct TensorOperand(Tensor value) :
    IAdditionOperators<TensorOperand, TensorOperand, TensorOperand>,
    ISubtractionOperators<TensorOperand, TensorOperand, TensorOperand>,
    IMultiplyOperators<TensorOperand, TensorOperand, TensorOperand>,
    IDivisionOperators<TensorOperand, double, TensorOperand>
{
    public Tensor Value { get; } = value;

    public static implicit operator TensorOperand(Tensor value) => new(value);

    public static TensorOperand operator +(TensorOperand left, TensorOperand right) => new(left.Value + right.Value);

    public static TensorOperand operator -(TensorOperand left, TensorOperand right) => new(left.Value - right.Value);

    public static TensorOperand operator *(TensorOperand left, TensorOperand right) => new(left.Value * right.Value);

    /// <summary>Division by a number, as <c>tensor / 2.0</c>: by a TorchSharp scalar, not a tensor.</summary>
    public static TensorOperand operator /(TensorOperand left, double right) => new(left.Value / right);
}
