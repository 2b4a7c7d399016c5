using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Models;

/// <summary>The architectures the engine can build, by configuration name.</summary>
internal static class ModelCatalog
{
    /// <summary>Every architecture, in the order they are listed to users.</summary>
    public static IReadOnlyList<ModelArchitecture> All { get; } =
    [
        ConvolutionalSnn.Architecture,
        Vgg9.Architecture,
        Vgg11.Architecture,
        VggSnn.Architecture,
        MsResNet18.Architecture,
        ResNet19.Architecture,
        SewResNet34.Architecture,
        SpikingResNet18.Architecture,
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(a => a.Name).ToArray();

    /// <summary>The architecture called <paramref name="name"/>, or null.</summary>
    public static ModelArchitecture? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    /// <summary>
    /// Why <paramref name="spec"/>'s architecture cannot take its input (too small for its pooling, not divisible as
    /// it needs), or null when it can. Call it before <see cref="Build"/> to report the problem as a usage error.
    /// </summary>
    /// <exception cref="ArgumentException">The name is unknown or the input is not <c>[C, H, W]</c> with positive sizes.</exception>
    public static string? InputProblem(ModelSpec spec)
    {
        var architecture = Get(spec.Name);
        if (spec.InputShape.Length != 3 || spec.InputShape.Any(size => size < 1))
            throw new ArgumentException(
                $"Model '{spec.Name}' takes inputs [C, H, W] with positive sizes, got [{string.Join(", ", spec.InputShape)}].", nameof(spec));
        return architecture.InputProblem(spec.InputShape);
    }

    /// <summary>
    /// Builds <paramref name="spec"/>'s architecture with <paramref name="neuron"/> in every spiking layer, at the spec's
    /// width or, when it is 0, the architecture's published one.
    /// </summary>
    /// <exception cref="ArgumentException">The name is unknown, the width negative, or the input one the architecture cannot take (<see cref="InputProblem"/>).</exception>
    public static SpikingNetwork Build(ModelSpec spec, INeuronModel neuron)
    {
        var architecture = Get(spec.Name);
        if (spec.Width < 0) throw new ArgumentOutOfRangeException(nameof(spec), spec.Width, "The base width must be positive, or 0 for the model's default.");
        var problem = InputProblem(spec);
        if (problem is not null) throw new ArgumentException(problem + ".", nameof(spec));
        return architecture.Build(spec.Width > 0 ? spec : spec with { Width = architecture.DefaultWidth }, neuron);
    }

    /// <summary>
    /// The learnable parameters (weights, biases, batch-norm scales and shifts, and whatever <paramref name="neuron"/>
    /// declares per layer) of <paramref name="spec"/>'s network, built on the meta device (<see cref="OnMetaDevice"/>),
    /// so that counting costs no memory whatever the input size.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Build"/>.</exception>
    public static long ParameterCount(ModelSpec spec, INeuronModel neuron) =>
        OnMetaDevice(() =>
        {
            using var network = Build(spec, neuron);
            return network.parameters().Sum(p => p.numel());
        });

    /// <summary>
    /// Runs <paramref name="build"/> with libtorch's meta device as the default device: tensors get shapes without
    /// storage, so building any size costs no memory. Changes the process's default device while it runs: not for use
    /// while another thread creates tensors.
    /// </summary>
    public static T OnMetaDevice<T>(Func<T> build)
    {
        var previous = get_default_device();
        set_default_device(META);
        try
        {
            return build();
        }
        finally
        {
            set_default_device(previous);
        }
    }

    private static ModelArchitecture Get(string name) =>
        Find(name) ?? throw new ArgumentException($"Unknown model '{name}'. Known models: {string.Join(", ", Names)}.");
}
