using System.Numerics;
using System.Runtime.CompilerServices;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// A SIMD vector seen through the generic-math operator interfaces, so that the fused kernel evaluates a
/// <see cref="MembraneCharge"/> rule's one formula on vectors too: <see cref="Vector{T}"/> implements them only
/// internally in .NET 10. Each operator is the vector's own, inlined, so the kernel's machine code is that of
/// writing the formula on <see cref="Vector{T}"/> directly.
/// </summary>
internal readonly struct VectorOperand<T>(Vector<T> value) :
    IAdditionOperators<VectorOperand<T>, VectorOperand<T>, VectorOperand<T>>,
    ISubtractionOperators<VectorOperand<T>, VectorOperand<T>, VectorOperand<T>>,
    IMultiplyOperators<VectorOperand<T>, VectorOperand<T>, VectorOperand<T>>,
    IDivisionOperators<VectorOperand<T>, VectorOperand<T>, VectorOperand<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public Vector<T> Value { get; } = value;

    public static implicit operator VectorOperand<T>(Vector<T> value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorOperand<T> operator +(VectorOperand<T> left, VectorOperand<T> right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorOperand<T> operator -(VectorOperand<T> left, VectorOperand<T> right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorOperand<T> operator *(VectorOperand<T> left, VectorOperand<T> right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorOperand<T> operator /(VectorOperand<T> left, VectorOperand<T> right) => new(left.Value / right.Value);
}
