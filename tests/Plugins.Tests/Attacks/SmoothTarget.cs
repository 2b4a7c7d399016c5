using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Attacks;

/// <summary>A smooth non-linear fake model: logits = V·tanh(U·flatten(x) + a) + 0.5·sin(3·Q·flatten(x)), in float64.</summary>
internal sealed class SmoothTarget : IAttackTarget
{
    private readonly Tensor hiddenWeights;
    private readonly Tensor hiddenBias;
    private readonly Tensor outputWeights;
    private readonly Tensor waveWeights;

    public SmoothTarget(int classes, int features, int hidden, int seed)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator((ulong)seed);
        hiddenWeights = (randn([hidden, features], float64, generator: generator) * 2).MoveToOuterDisposeScope();
        hiddenBias = randn([hidden], float64, generator: generator).MoveToOuterDisposeScope();
        outputWeights = (randn([classes, hidden], float64, generator: generator) * 2).MoveToOuterDisposeScope();
        waveWeights = randn([classes, features], float64, generator: generator).MoveToOuterDisposeScope();
        foreach (var parameter in new[] { hiddenWeights, hiddenBias, outputWeights, waveWeights })
            parameter.DetachFromDisposeScope();
    }

    public int Timesteps => 4;

    public Tensor Logits(Tensor inputs)
    {
        var x = inputs.to(float64).flatten(1);
        var hidden = (x.matmul(hiddenWeights.t()) + hiddenBias).tanh();
        return hidden.matmul(outputWeights.t()) + (x.matmul(waveWeights.t()) * 3).sin() * 0.5;
    }
}
