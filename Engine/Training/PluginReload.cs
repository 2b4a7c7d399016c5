namespace Neuromorph.Engine.Training;

/// <summary>
/// One attempt to swap a plugin for a new version of itself during a run, as recorded in the
/// <c>plugin_reloads</c> list of the epoch's line in <c>metrics.jsonl</c>.
/// </summary>
/// <param name="Iteration">
/// The global iteration count at the boundary where the swap was attempted: iterations up to this one ran
/// with <see cref="Old"/>; when applied, iteration <c>Iteration + 1</c> is the first to run with <see cref="New"/>.
/// </param>
/// <param name="Plugin">The plugin's configuration name.</param>
/// <param name="Kind">What the plugin is, e.g. <c>distillation scheme</c>.</param>
/// <param name="Old">The version that was running: informational version and the file's SHA-256 prefix.</param>
/// <param name="New">The version on disk that was tried (for a roll-back, the version rolled back to), described the same way.</param>
/// <param name="Outcome"><see cref="Applied"/>, <see cref="Refused"/> or <see cref="RolledBack"/>.</param>
/// <param name="Reason">Why the new version was refused or rolled back; null when it was applied.</param>
/// <param name="File">The plugin assembly's path.</param>
internal sealed record PluginReload(
    long Iteration, string Plugin, string Kind, string Old, string New, string Outcome, string? Reason, string File)
{
    /// <summary>The new version replaced the old one.</summary>
    public const string Applied = "applied";

    /// <summary>The new version was not used (or was taken out again); the old one keeps running.</summary>
    public const string Refused = "refused";

    /// <summary>An applied version threw after its trial; the version it had replaced runs again.</summary>
    public const string RolledBack = "rolled back";
}
