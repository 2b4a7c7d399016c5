using System.CommandLine;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Composition;

namespace Neuromorph.Host.Cli;

/// <summary>Opens a run directory written by <c>train</c> for a command that evaluates its checkpoint.</summary>
internal static class TrainedRun
{
    /// <summary>The <c>run-dir</c> argument.</summary>
    public static Argument<string> RunDirArgument() => new("run-dir") { Description = "A run directory written by 'train'." };

    /// <summary><c>--checkpoint best|last</c>, default <c>best</c>; <paramref name="verb"/> says what is done with it.</summary>
    public static Option<string> CheckpointOption(string verb)
    {
        var option = new Option<string>("--checkpoint") { Description = $"Which checkpoint to {verb}: best (default) or last.", DefaultValueFactory = _ => "best" };
        option.AcceptOnlyFromAmong("best", "last");
        return option;
    }

    /// <summary>
    /// The run directory at <paramref name="path"/> and the checkpoint to read: <c>last</c>, or <c>best</c>
    /// (falling back to the last one when the run kept no best checkpoint, <c>checkpoint.keep_best = false</c>).
    /// </summary>
    /// <exception cref="CheckpointException">
    /// The folder does not exist, is not a run directory or has no checkpoint, or the checkpoint's name is taken by
    /// something other than a file (that is an error, not a missing best checkpoint).
    /// </exception>
    public static (RunDirectory Directory, string CheckpointPath) Open(string path, string checkpoint)
    {
        var runDirectory = new RunDirectory(path);
        if (!Directory.Exists(runDirectory.Path))
            throw new CheckpointException($"Run directory '{runDirectory.Path}' does not exist.");
        if (!File.Exists(runDirectory.ConfigPath))
            throw new CheckpointException($"'{runDirectory.Path}' is not a run directory: it has no config.toml.");
        var checkpointPath = checkpoint == "last" || !Path.Exists(runDirectory.BestCheckpointPath)
            ? runDirectory.LastCheckpointPath
            : runDirectory.BestCheckpointPath;
        if (!Path.Exists(checkpointPath))
            throw new CheckpointException(
                $"'{runDirectory.Path}' has no checkpoint ({Path.GetRelativePath(runDirectory.Path, checkpointPath)} is missing): train the run first, or resume it with 'train --resume'.");
        CheckpointFile.RequireFile(checkpointPath);
        return (runDirectory, checkpointPath);
    }

    /// <summary>
    /// Loads the checkpoint into <paramref name="experiment"/>'s network once it is verified to be whole and to belong
    /// to the run (model, T, state shapes). A format-1 checkpoint, which has no checksum, is loaded with a note.
    /// </summary>
    public static CheckpointHeader Load(string checkpointPath, Experiment experiment, TextWriter output)
    {
        var network = experiment.Network;
        var header = CheckpointFile.Read(checkpointPath, new CheckpointExpectation(experiment.Description.Model, network.Timesteps), network, optimizer: null);
        if (header.FormatVersion < CheckpointHeader.ChecksummedFormat)
            output.WriteLine($"note: '{checkpointPath}' has format {header.FormatVersion}, which carries no checksum: it was loaded without verifying its bytes.");
        return header;
    }
}
