using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Hosting;

namespace Neuromorph.Host.Tests.HotReload;

/// <summary>
/// Runs <c>train</c> in-process with an observer that acts on the training thread after chosen iterations (rebuild a
/// plugin and wait until hot reload reports the change, look at the network) and records the parameters at the end of
/// each iteration it is asked about. Blocking the training thread at iteration k makes a swap land exactly at boundary k.
/// </summary>
internal sealed class ScriptedRun : ITrainingObserver
{
    private static readonly TimeSpan ChangeTimeout = TimeSpan.FromSeconds(60);
    private readonly Dictionary<long, List<Action<Experiment>>> actions = [];
    private readonly StringWriter written = new();
    private readonly TextWriter output;
    private int changesSeen;
    private Experiment? experiment;

    public ScriptedRun() => output = TextWriter.Synchronized(written);

    /// <summary>The parameters after each iteration an action was registered for, by global iteration.</summary>
    public Dictionary<long, float[]> ParametersAfter { get; } = [];

    /// <summary>The learning rate each iteration used, by the iterations done after it (1 for the first).</summary>
    public Dictionary<long, double> LearningRates { get; } = [];

    /// <summary>What the run printed (standard output).</summary>
    public string Output { get; private set; } = "";

    /// <summary>Runs <paramref name="action"/> on the training thread after iteration <paramref name="iteration"/>.</summary>
    public ScriptedRun After(long iteration, Action<Experiment> action)
    {
        if (!actions.TryGetValue(iteration, out var list)) actions[iteration] = list = [];
        list.Add(action);
        return this;
    }

    /// <summary>
    /// Blocks until hot reload has logged one more changed plugin assembly or configuration file (its
    /// "hot reload: … changed; …" line, written from the watcher's thread).
    /// </summary>
    public void WaitForChange()
    {
        var deadline = DateTime.UtcNow + ChangeTimeout;
        while (ChangesLogged() <= changesSeen)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Hot reload reported no changed file within {ChangeTimeout}.\n{Written()}");
            Thread.Sleep(20);
        }
        changesSeen++;
    }

    /// <summary>
    /// Runs <c>train</c> on <paramref name="config"/> into <paramref name="runDir"/> with <paramref name="overrides"/>
    /// (<c>section.key=value</c>); returns the exit code.
    /// </summary>
    public async Task<int> RunAsync(string config, string runDir, IReadOnlyList<string> overrides)
    {
        using var error = new StringWriter();
        var code = await TrainingHost.RunAsync(new TrainRequest(config, overrides, runDir, Resume: false), output, error, built =>
        {
            experiment = built;
            return [this];
        });
        experiment = null;
        Output = Written() + error;
        return code;
    }

    public void IterationCompleted(SimulationClock clock, IterationReport report)
    {
        LearningRates[clock.GlobalIteration] = report.LearningRate;
        if (!actions.TryGetValue(clock.GlobalIteration, out var list)) return;
        ParametersAfter[clock.GlobalIteration] = Parameters(experiment!);
        foreach (var action in list) action(experiment!);
    }

    /// <summary>The <c>--set</c> values of <see cref="Cli.CliRun.TinyEpoch"/>, as overrides.</summary>
    public static IReadOnlyList<string> TinyEpoch { get; } = Cli.CliRun.TinyEpoch.Where((_, index) => index % 2 == 1).ToArray();

    /// <summary>
    /// Whether no load context holds version <paramref name="version"/> of the assembly <paramref name="name"/> any more
    /// after a few full collections: that version was unloaded and nothing keeps it alive.
    /// </summary>
    public static bool IsUnloaded(string name, string version)
    {
        var wanted = Version.Parse(version);
        for (var attempt = 0; attempt < 20 && AnyContextHolds(name, wanted); attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        return !AnyContextHolds(name, wanted);
    }

    /// <summary>Not inlined, so no reference to a context outlives the look.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool AnyContextHolds(string name, Version version) =>
        AssemblyLoadContext.All.Any(context => context.Assemblies.Any(assembly =>
            assembly.GetName() is { } assemblyName && assemblyName.Name == name && assemblyName.Version == version));

    /// <summary>What the run has printed so far (the synchronized writer locks on itself while it writes).</summary>
    private string Written()
    {
        lock (output) return written.ToString();
    }

    private int ChangesLogged() =>
        Written().Split('\n').Count(line => line.StartsWith("hot reload: ", StringComparison.Ordinal) && line.Contains(" changed; ", StringComparison.Ordinal));

    private static float[] Parameters(Experiment experiment) =>
        experiment.Network.parameters().SelectMany(parameter => parameter.data<float>().ToArray()).ToArray();
}
