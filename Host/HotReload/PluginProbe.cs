using Neuromorph.Abstractions;
using Neuromorph.Host.Plugins;
using static TorchSharp.torch;

namespace Neuromorph.Host.HotReload;

/// <summary>
/// Calls a newly created plugin once on small made-up tensors, forward and backward, before it is allowed near
/// the run: a scheme computes its term from logits <c>[T, 2, M]</c>, a neuron model runs inputs <c>[T, 2, 3]</c>.
/// The inputs come from a private generator and the global random state is put back afterwards, so probing
/// leaves the run's random streams where they were. Attacks are not probed: running one draws from its own
/// random stream, which should start where a fresh instance's does (its first real call is guarded instead).
/// </summary>
internal static class PluginProbe
{
    private const int Batch = 2;
    private const int Features = 3;
    private const ulong InputSeed = 20240601;

    /// <summary>Throws when <paramref name="instance"/> fails on the made-up inputs or returns the wrong shape.</summary>
    public static void Check(PluginKind kind, object instance, PluginContext context)
    {
        if (kind == PluginKind.Attack) return;
        var randomState = get_rng_state();
        try
        {
            using var scope = NewDisposeScope();
            using var gradients = enable_grad();
            using var generator = new Generator(InputSeed);
            if (kind == PluginKind.DistillationScheme)
                CheckScheme((IDistillationScheme)instance, context, generator);
            else
                CheckNeuron((INeuronModel)instance, context, generator);
        }
        finally
        {
            set_rng_state(randomState);
            randomState.Dispose();
        }
    }

    private static void CheckScheme(IDistillationScheme scheme, PluginContext context, Generator generator)
    {
        var logits = randn([context.Timesteps, Batch, context.ClassCount], generator: generator).requires_grad_();
        var labels = randint(context.ClassCount, [Batch], dtype: ScalarType.Int64, generator: generator);
        var term = scheme.Compute(logits, scheme.UsesLabels ? labels : null);
        if (term.Loss.numel() != 1)
            throw new InvalidOperationException(
                $"its loss for logits [{context.Timesteps}, {Batch}, {context.ClassCount}] has shape [{string.Join(", ", term.Loss.shape)}]; it must be a scalar.");
        var loss = term.Loss.reshape([]).item<float>();
        if (!float.IsFinite(loss))
            throw new InvalidOperationException($"its loss on random logits is {loss}.");
        if (term.Loss.requires_grad) term.Loss.reshape([]).backward();
    }

    private static void CheckNeuron(INeuronModel neuron, PluginContext context, Generator generator)
    {
        var inputs = randn([context.Timesteps, Batch, Features], generator: generator).requires_grad_();
        var spikes = neuron.Run(inputs);
        if (!spikes.shape.SequenceEqual(inputs.shape))
            throw new InvalidOperationException(
                $"it returned spikes [{string.Join(", ", spikes.shape)}] for inputs [{string.Join(", ", inputs.shape)}].");
        if (spikes.requires_grad) spikes.sum().backward();
    }
}
