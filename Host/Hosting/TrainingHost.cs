using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Reporting;

namespace Neuromorph.Host.Hosting;

/// <summary>
/// <c>train</c>: reads and validates the configuration, builds the experiment (plugins, data, model),
/// prepares the run directory, then runs the training loop inside a generic host until it completes or is
/// interrupted. Every configuration, plugin and data error surfaces before training starts.
/// </summary>
internal static class TrainingHost
{
    public static Task<int> RunAsync(TrainRequest request, TextWriter output, TextWriter error) =>
        RunAsync(request, output, error, _ => []);

    /// <summary>
    /// Like <see cref="RunAsync(TrainRequest, TextWriter, TextWriter)"/>, with <paramref name="extraObservers"/>
    /// (given the built experiment) watching the run after the progress reporter.
    /// </summary>
    public static async Task<int> RunAsync(
        TrainRequest request, TextWriter output, TextWriter error, Func<Experiment, IEnumerable<ITrainingObserver>> extraObservers)
    {
        try
        {
            var configuration = ConfigurationLoader.Load(request.ConfigPath, request.Overrides);
            var runDirectory = RunDirectoryResolver.Resolve(configuration, request);
            using var experiment = ExperimentFactory.Create(configuration, progress: output.WriteLine);
            Plugins.PluginProblemsReport.Write(experiment.Plugins, output);
            if (request.Resume)
                RunDirectoryResolver.CheckResumable(runDirectory, experiment.EffectiveToml);
            else
                runDirectory.WriteConfig(experiment.EffectiveToml);

            var interactive = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
            var reporter = new ConsoleReporter(output, interactive, configuration.Run.LogEvery);
            // A report line ends the progress bar's line first, so the bar redraws below it.
            void Log(string line) => output.WriteLine(interactive ? Environment.NewLine + line : line);
            var loop = experiment.CreateTrainingLoop(runDirectory, [reporter, .. extraObservers(experiment)], Log);
            if (request.Resume) loop.Resume();
            output.WriteLine($"run directory: {runDirectory.Path}");
            output.WriteLine(experiment.Describe());

            var service = await HostAsync(loop, error);
            if (service.ExitCode == ExitCodes.Success) SummaryTable.Write(runDirectory, output);
            return service.ExitCode;
        }
        catch (Exception exception)
        {
            return ErrorReport.Write(exception, error);
        }
    }

    private static async Task<TrainingService> HostAsync(TrainingLoop loop, TextWriter error)
    {
        // The defaults bring the console lifetime: Ctrl+C and SIGTERM become a graceful stop.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        // Time to finish the current iteration and write the checkpoint after Ctrl+C.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromMinutes(10));
        builder.Services.AddSingleton(sp => new TrainingService(loop, sp.GetRequiredService<IHostApplicationLifetime>(), error));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TrainingService>());
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<TrainingService>();
        await host.RunAsync();
        return service;
    }
}
