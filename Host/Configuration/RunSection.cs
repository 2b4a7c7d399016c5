namespace Neuromorph.Host.Configuration;

/// <summary>The <c>[run]</c> table: what the run is called and how long and how it runs.</summary>
/// <param name="Name">The run's name, used in the run directory's name.</param>
/// <param name="Seed">The seed of every random number generator of the run.</param>
/// <param name="Epochs">Training epochs (passes over the training set).</param>
/// <param name="LogEvery">
/// A plain log line every this many iterations when the output is not a terminal; also how often the iteration
/// figures go to TensorBoard.
/// </param>
/// <param name="Threads">TorchSharp's intra-op threads; 0 keeps TorchSharp's default.</param>
/// <param name="Tensorboard">Whether <c>train</c> writes TensorBoard event files into the run directory's <c>tensorboard/</c>.</param>
internal sealed record RunSection(
    string Name = "run",
    long Seed = 0,
    int Epochs = 1,
    int LogEvery = 50,
    int Threads = 0,
    bool Tensorboard = true);
