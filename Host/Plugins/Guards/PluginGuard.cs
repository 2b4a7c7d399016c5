using Neuromorph.Abstractions;
using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Plugins.Guards;

/// <summary>
/// Stands between a plugin the engine calls and the run. Every call goes to <see cref="Current"/>; when it throws, the
/// call is redone with <see cref="Previous"/> (the version a hot reload replaced, kept loaded for this) and every later
/// call goes there too, until hot reload puts the previous version back for good at the next iteration boundary. With
/// no previous version, the exception becomes a <see cref="PluginFailureException"/> naming the plugin and its file,
/// and the training loop saves the last completed iteration before the run ends.
/// </summary>
/// <param name="label">The plugin for people, e.g. <c>distillation scheme 'strong2weak'</c>.</param>
/// <param name="file">The plugin's assembly file.</param>
/// <param name="current">The instance the engine should use.</param>
/// <param name="previous">The instance to fall back on, or null when there is none.</param>
internal sealed class PluginGuard(string label, string file, object current, object? previous)
{
    private long calls;

    public object Current { get; } = current;

    public object? Previous { get; } = previous;

    /// <summary>The version calls go to now: <see cref="Current"/>, or <see cref="Previous"/> once it has failed.</summary>
    public object InForce => Failure is null ? Current : Previous!;

    /// <summary>Whether <see cref="Current"/> has answered at least one call without throwing.</summary>
    public bool CurrentAnswered { get; private set; }

    /// <summary>Why <see cref="Current"/> was left for <see cref="Previous"/> (which call threw what), or null while it was not.</summary>
    public string? Failure { get; private set; }

    /// <summary><paramref name="call"/> on the version in force, falling back as the class describes.</summary>
    public TResult Call<TPlugin, TResult>(Func<TPlugin, TResult> call)
        where TPlugin : class
    {
        if (Failure is null)
        {
            var number = ++calls;
            try
            {
                var result = call((TPlugin)Current);
                CurrentAnswered = true;
                return result;
            }
            catch (Exception e) when (IsPluginFailure(e))
            {
                if (Previous is null) throw new PluginFailureException(label, file, e);
                Failure = $"the new {label} threw on its {Ordinal(number)} call in training ({e.GetType().Name}: {e.Message}); " +
                          "that call was redone with the previous version";
            }
        }
        try
        {
            return call((TPlugin)Previous!);
        }
        catch (Exception e) when (IsPluginFailure(e))
        {
            throw new PluginFailureException($"the previous version of {label}", file, e);
        }
    }

    /// <summary>Wraps <paramref name="guard"/> in <paramref name="kind"/>'s contract interface, which the engine calls.</summary>
    public static object Wrap(PluginKind kind, PluginGuard guard) => kind switch
    {
        PluginKind.DistillationScheme => new GuardedScheme(guard),
        PluginKind.Neuron => new GuardedNeuron(guard),
        PluginKind.Attack => new GuardedAttack(guard),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown plugin kind."),
    };

    /// <summary>What a plugin's own failure looks like; the process's own emergencies and the guard's own reports pass through.</summary>
    private static bool IsPluginFailure(Exception e) =>
        e is not (OutOfMemoryException or InsufficientExecutionStackException or PluginFailureException);

    private static string Ordinal(long number) => number switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        _ => FormattableString.Invariant($"{number}th"),
    };
}
