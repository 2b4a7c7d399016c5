using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Plotting;
using Neuromorph.Host.Reporting;

namespace Neuromorph.Host.Hosting;

/// <summary>
/// <c>train</c>: listens for Ctrl+C and SIGTERM from its first line, prepares the run (<see cref="PreparedTraining"/>:
/// configuration, run directory and its lock, plugins, data, network; every configuration and plugin error before any
/// data is read, and nothing trained before all of it is done), then runs the training loop inside a generic host until
/// it completes or a signal stops it with a checkpoint. A completed run's figures are drawn into its <c>plots/</c>.
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
        TrainRequest request, TextWriter output, TextWriter error, Func<Composition.Experiment, IEnumerable<ITrainingObserver>> extraObservers)
    {
        using var stop = StopSignal.Listen(line => error.WriteLine(Environment.NewLine + line));
        try
        {
            using var training = await InterruptibleStartUp.RunAsync(
                stopping => PreparedTraining.Prepare(request, output, extraObservers, stopping), stop.Token, error);
            if (training.Claim.Start == RunStart.AlreadyFinished)
            {
                output.WriteLine($"'{training.Claim.Directory.Path}' already finished all its epochs: nothing to resume.");
                SummaryTable.Write(training.Claim.Directory, output);
                return ExitCodes.Success;
            }
            var code = await HostAsync(training.Loop, stop.Token, error);
            if (code == ExitCodes.Success)
            {
                SummaryTable.Write(training.Claim.Directory, output);
                AutomaticPlots.Draw(training.Claim.Directory.Path, [], output);
            }
            return code;
        }
        catch (Exception exception)
        {
            return ErrorReport.Write(exception, error);
        }
    }

    private static async Task<int> HostAsync(TrainingLoop loop, CancellationToken stopping, TextWriter error)
    {
        // An empty builder: no appsettings.json or environment configuration is read (a run is configured by its TOML
        // file alone), and the signals are this class's (StopSignal), not the console lifetime's.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IHostLifetime, SignalOwnedLifetime>();
        // Time to finish the current iteration and write the checkpoint after a stop.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromMinutes(10));
        builder.Services.AddSingleton(sp => new TrainingService(loop, sp.GetRequiredService<IHostApplicationLifetime>(), error));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TrainingService>());
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<TrainingService>();
        await host.RunAsync(stopping);
        return service.ExitCode;
    }

    /// <summary>A host lifetime that leaves signals to <see cref="StopSignal"/>, which stops the host through its token.</summary>
    private sealed class SignalOwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
