using System.Runtime.CompilerServices;
using Neuromorph.Abstractions;
using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.HotReload;

/// <summary>
/// The first iteration of swapped-in plugins. Each new instance stands in its slot behind a wrapper that calls
/// it; if any of them throws, the trial has failed: that call is redone with the previous instance (so the
/// iteration still completes) and every later call goes to the previous instances until the next boundary puts
/// them back. The trial has passed once every new instance has been called without an exception.
/// </summary>
internal sealed class SwapTrial
{
    private readonly ConditionalWeakTable<object, object> called = [];

    /// <summary>Why the trial failed (which plugin threw what), or null while it has not.</summary>
    public string? Failure { get; private set; }

    /// <summary>Whether <paramref name="candidate"/> has been called successfully during the trial.</summary>
    public bool HasCalled(object candidate) => called.TryGetValue(candidate, out _);

    /// <summary>
    /// A wrapper of <paramref name="kind"/>'s contract interface that calls <paramref name="candidate"/> under
    /// this trial and falls back to <paramref name="previous"/>; <paramref name="label"/> names the plugin.
    /// A neuron version that declares other learnable parameters than the previous one cannot fall back on the
    /// same parameters: it stands as itself, checked by the probe alone (its trial counts as passed).
    /// </summary>
    public object Wrap(PluginKind kind, string label, object candidate, object previous)
    {
        if (kind == PluginKind.Neuron && !((INeuronModel)candidate).Parameters.SequenceEqual(((INeuronModel)previous).Parameters))
        {
            called.AddOrUpdate(candidate, candidate);
            return candidate;
        }
        return WrapperFor(kind, label, candidate, previous);
    }

    private object WrapperFor(PluginKind kind, string label, object candidate, object previous) => kind switch
    {
        PluginKind.DistillationScheme => new TrialScheme(this, label, (IDistillationScheme)candidate, (IDistillationScheme)previous),
        PluginKind.Neuron => new TrialNeuron(this, label, (INeuronModel)candidate, (INeuronModel)previous),
        PluginKind.Attack => new TrialAttack(this, label, (IAdversarialAttack)candidate, (IAdversarialAttack)previous),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown plugin kind."),
    };

    /// <summary>
    /// <paramref name="call"/> on <paramref name="candidate"/> while the trial holds, else (or when that throws)
    /// on <paramref name="previous"/>.
    /// </summary>
    public TResult Call<TPlugin, TResult>(string label, TPlugin candidate, TPlugin previous, Func<TPlugin, TResult> call)
        where TPlugin : class
    {
        if (Failure is null)
        {
            try
            {
                var result = call(candidate);
                called.AddOrUpdate(candidate, candidate);
                return result;
            }
            catch (Exception e) when (e is not (OutOfMemoryException or InsufficientExecutionStackException))
            {
                Failure = $"the new {label} threw on its first call ({e.GetType().Name}: {e.Message}); " +
                          "that call was redone with the previous version";
            }
        }
        return call(previous);
    }
}
