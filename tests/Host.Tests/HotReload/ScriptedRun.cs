using System.Collections.Concurrent;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Composition;
using Neuromorph.Host.HotReload;
using Neuromorph.Host.Hosting;

namespace Neuromorph.Host.Tests.HotReload;

/// <summary>
/// Runs <c>train</c> in-process with an observer that acts on the training thread after chosen iterations (rebuild a
/// plugin and wait until the watcher has seen it, look at the network) and records what hot reload reports: the
/// parameters at the end of each iteration it is asked about and when a new version is put in place, and how each
/// swap ended. Blocking the training thread at iteration k makes a swap land exactly at boundary k.
/// </summary>
internal sealed class ScriptedRun : ITrainingObserver
{
    private static readonly TimeSpan ChangeTimeout = TimeSpan.FromSeconds(60);
    private readonly Dictionary<long, List<Action<Experiment>>> actions = [];
    private readonly SemaphoreSlim changes = new(0);
    private Experiment? experiment;

    /// <summary>The parameters after each iteration an action was registered for, by global iteration.</summary>
    public Dictionary<long, float[]> ParametersAfter { get; } = [];

    /// <summary>The parameters when a new version was put in place for its trial, by the boundary's iteration.</summary>
    public Dictionary<long, float[]> ParametersAtTrialStart { get; } = [];

    /// <summary>The learning rate each iteration used, by the iterations done after it (1 for the first).</summary>
    public Dictionary<long, double> LearningRates { get; } = [];

    /// <summary>How each swap attempt ended, in order.</summary>
    public ConcurrentQueue<PluginSwapOutcome> Outcomes { get; } = [];

    /// <summary>What the run printed (standard output).</summary>
    public string Output { get; private set; } = "";

    /// <summary>Runs <paramref name="action"/> on the training thread after iteration <paramref name="iteration"/>.</summary>
    public ScriptedRun After(long iteration, Action<Experiment> action)
    {
        if (!actions.TryGetValue(iteration, out var list)) actions[iteration] = list = [];
        list.Add(action);
        return this;
    }

    /// <summary>Blocks until the hot reload's watchers have reported a changed plugin assembly or configuration file.</summary>
    public void WaitForChange()
    {
        if (!changes.Wait(ChangeTimeout))
            throw new TimeoutException($"The watcher reported no changed plugin assembly within {ChangeTimeout}.");
    }

    /// <summary>
    /// Runs <c>train</c> on <paramref name="config"/> into <paramref name="runDir"/> with <paramref name="overrides"/>
    /// (<c>section.key=value</c>); returns the exit code.
    /// </summary>
    public async Task<int> RunAsync(string config, string runDir, IReadOnlyList<string> overrides)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TrainingHost.RunAsync(new TrainRequest(config, overrides, runDir, Resume: false), output, error, built =>
        {
            experiment = built;
            return [this];
        });
        experiment = null;
        Output = output + error.ToString();
        return code;
    }

    public void RunStarted(SimulationClock clock)
    {
        var hotReload = experiment!.HotReload ?? throw new InvalidOperationException("The run has no hot reload ([plugins] hot_reload = true).");
        hotReload.ChangeDetected += _ => changes.Release();
        if (experiment.Settings is { } settings) settings.ChangeDetected += _ => changes.Release();
        hotReload.TrialStarted += (_, iteration) => ParametersAtTrialStart[iteration] = Parameters(experiment!);
        hotReload.SwapFinished += Outcomes.Enqueue;
    }

    public void IterationCompleted(SimulationClock clock, IterationReport report)
    {
        LearningRates[clock.GlobalIteration] = report.LearningRate;
        if (!actions.TryGetValue(clock.GlobalIteration, out var list)) return;
        ParametersAfter[clock.GlobalIteration] = Parameters(experiment!);
        foreach (var action in list) action(experiment!);
    }

    /// <summary>The <c>--set</c> values of <see cref="Cli.CliRun.TinyTraining"/>, as overrides.</summary>
    public static IReadOnlyList<string> TinyTraining { get; } = Cli.CliRun.TinyTraining.Where((_, index) => index % 2 == 1).ToArray();

    /// <summary>Whether the object <paramref name="reference"/> points to is collected after a few full collections.</summary>
    public static bool IsCollected(WeakReference reference)
    {
        for (var attempt = 0; attempt < 20 && reference.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        return !reference.IsAlive;
    }

    private static float[] Parameters(Experiment experiment) =>
        experiment.Network.parameters().SelectMany(parameter => parameter.data<float>().ToArray()).ToArray();
}
