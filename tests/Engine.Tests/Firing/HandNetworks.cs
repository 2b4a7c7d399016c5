using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Neuromorph.Engine.Tests.Firing;

/// <summary>Tiny networks whose spikes and fan-outs the firing tests work out by hand.</summary>
internal static class HandNetworks
{
    /// <summary>
    /// Inputs [2, 4], T = 4: <c>spike1</c> (4 neurons) → <c>fc</c> (linear 4 → 2, no bias, out₀ = s₀, out₁ = s₁/2) →
    /// <c>spike2</c> (2 neurons) → <c>classifier</c> (linear 2 → 3). With <see cref="HardResetNeuron"/> a constant input x
    /// fires at t = 0..3 for x = 1, at t = 1 and 3 for x = 0.5 or 0.75, at t = 3 for x = 0.25 and never for x = 0.
    /// </summary>
    public static SpikingNetwork Linear(INeuronModel neuron)
    {
        var fc = nn.Linear(4, 2, hasBias: false);
        using (no_grad()) fc.weight!.copy_(tensor(new float[] { 1, 0, 0, 0, 0, 0.5f, 0, 0 }, [2, 4]));
        var body = Sequential(
            ("spike1", new NeuronLayer("spike1", neuron, 4)),
            ("fc", fc),
            ("spike2", new NeuronLayer("spike2", neuron, 2)),
            ("classifier", nn.Linear(2, 3)));
        return new SpikingNetwork("hand-linear", 4, [4], 3, Sequential(("identity", Identity())), body);
    }

    /// <summary>The two samples of <see cref="Linear"/>: [1, 0.5, 0.25, 0] and [0.75, 0, 0, 0.5].</summary>
    public static Tensor LinearInputs() => tensor(new float[] { 1, 0.5f, 0.25f, 0, 0.75f, 0, 0, 0.5f }, [2, 4]);

    /// <summary>
    /// Inputs [B, 2, 4, 4], T = 2: <c>spike1</c> → average pooling 2 → <c>conv</c> (2 → 6, 3×3, padding 1, 2 groups,
    /// no weights: all zero) → <c>spike2</c> → <c>down</c> (6 → 4, 3×3, stride 2, padding 1) → <c>spike3</c> → flatten
    /// → <c>classifier</c> (linear 4 → 5).
    /// </summary>
    public static SpikingNetwork Convolutional(INeuronModel neuron)
    {
        var conv = Conv2d(2, 6, 3, padding: 1, groups: 2, bias: false);
        using (no_grad()) conv.weight!.zero_();
        var body = Sequential(
            ("spike1", new NeuronLayer("spike1", neuron, 2)),
            ("pool", AvgPool2d(2)),
            ("conv", conv),
            ("spike2", new NeuronLayer("spike2", neuron, 6)),
            ("down", Conv2d(6, 4, 3, stride: 2, padding: 1, bias: false)),
            ("spike3", new NeuronLayer("spike3", neuron, 4)),
            ("flatten", Flatten()),
            ("classifier", nn.Linear(4, 5)));
        return new SpikingNetwork("hand-conv", 2, [2, 4, 4], 5, Sequential(("identity", Identity())), body);
    }
}
