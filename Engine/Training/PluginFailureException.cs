namespace Neuromorph.Engine.Training;

/// <summary>
/// A plugin threw while the engine called it during an iteration, and no previous version of it could take over.
/// The training loop writes <c>last.ckpt</c> from the last completed iteration before letting it end the run.
/// </summary>
/// <param name="plugin">The plugin for people, e.g. <c>distillation scheme 'strong2weak'</c>.</param>
/// <param name="file">The plugin's assembly file.</param>
/// <param name="inner">What the plugin threw.</param>
internal sealed class PluginFailureException(string plugin, string file, Exception inner)
    : Exception($"{plugin} ({file}) threw {inner.GetType().Name}: {inner.Message}", inner)
{
    public string Plugin { get; } = plugin;

    public string File { get; } = file;
}
