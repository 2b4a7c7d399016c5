using Neuromorph.Engine.Training;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plugins;
using Neuromorph.Host.Reporting;

namespace Neuromorph.Host.Hosting;

/// <summary>
/// A training ready to run: its run directory held, its experiment built, its loop positioned (at the start, or where
/// <c>--resume</c> continues). Disposing it releases the experiment and then the directory's lock.
/// </summary>
internal sealed class PreparedTraining : IDisposable
{
    private readonly Training? training;

    private PreparedTraining(RunDirectoryClaim claim, Experiment? experiment, Training? training)
    {
        Claim = claim;
        Experiment = experiment;
        this.training = training;
    }

    public RunDirectoryClaim Claim { get; }

    public Experiment? Experiment { get; }

    public TrainingLoop Loop => training?.Loop ?? throw new InvalidOperationException("A finished run has no training loop.");

    /// <summary>
    /// Reads the configuration, claims the run directory, builds the experiment and the loop, in that order, checking
    /// <paramref name="stopping"/> between the stages (a stop throws <see cref="OperationCanceledException"/>).
    /// </summary>
    public static PreparedTraining Prepare(
        TrainRequest request, TextWriter output, Func<Experiment, IEnumerable<ITrainingObserver>> extraObservers, CancellationToken stopping)
    {
        var configuration = ConfigurationLoader.Load(request.ConfigPath, request.Overrides);
        stopping.ThrowIfCancellationRequested();
        var claim = RunDirectoryResolver.Claim(configuration, request);
        Experiment? experiment = null;
        Training? training = null;
        var wroteConfig = false;
        try
        {
            if (claim.Start == RunStart.AlreadyFinished)
            {
                // Finished under this configuration? Another one (more epochs, say) is a new run, not a resume.
                RecordedConfiguration.CheckSame(claim.Directory, ExperimentFactory.EffectiveToml(configuration));
                return new PreparedTraining(claim, null, null);
            }
            var directory = claim.Directory;
            experiment = ExperimentFactory.Create(configuration, progress: line =>
            {
                stopping.ThrowIfCancellationRequested();
                output.WriteLine(line);
            }, stopping: stopping);
            PluginProblemsReport.Write(experiment.Plugins, output);
            if (claim.IsResume)
                RecordedConfiguration.CheckSame(directory, experiment.EffectiveToml);
            else
            {
                directory.WriteConfig(experiment.EffectiveToml);
                wroteConfig = true;
            }

            var interactive = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
            var reporter = new ConsoleReporter(output, interactive, configuration.Run.LogEvery);
            // A report line ends the progress bar's line first, so the bar redraws below it.
            void Log(string line) => output.WriteLine(interactive ? Environment.NewLine + line : line);
            training = ExperimentFactory.CreateTraining(experiment, directory, [reporter, .. extraObservers(experiment)], Log);
            if (claim.Start == RunStart.FromCheckpoint)
                training.Loop.Resume();
            else if (claim.Start == RunStart.FromBeginning)
            {
                output.WriteLine($"'{directory.Path}' holds no checkpoint: the run stopped before its first one; starting it again from the beginning.");
                directory.ClearProgress();
            }
            stopping.ThrowIfCancellationRequested();
            output.WriteLine($"run directory: {directory.Path}");
            output.WriteLine(experiment.Describe());
            return new PreparedTraining(claim, experiment, training);
        }
        catch
        {
            // A new run that did not get to train leaves its directory as it found it: free for the next run.
            if (wroteConfig) File.Delete(claim.Directory.ConfigPath);
            training?.Dispose();
            experiment?.Dispose();
            claim.Abandon();
            throw;
        }
    }

    public void Dispose()
    {
        training?.Dispose();
        Experiment?.Dispose();
        Claim.Dispose();
    }
}
