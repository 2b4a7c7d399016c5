namespace Neuromorph.Data.Events;

/// <summary>Where frame caches go when <c>data.events.cache_dir</c> is empty.</summary>
internal static class FrameCacheLocation
{
    /// <summary>
    /// <c>$XDG_CACHE_HOME/neuromorph/frames</c>, or <c>~/.cache/neuromorph/frames</c> when XDG_CACHE_HOME is unset
    /// (the XDG base-directory convention), or the system temp folder when there is no home folder either.
    /// </summary>
    public static string Default(string? xdgCacheHome, string? home)
    {
        var root = !string.IsNullOrWhiteSpace(xdgCacheHome) ? xdgCacheHome
            : !string.IsNullOrWhiteSpace(home) ? Path.Combine(home, ".cache")
            : Path.GetTempPath();
        return Path.Combine(root, "neuromorph", "frames");
    }

    /// <summary><see cref="Default(string?, string?)"/> for the current process's environment.</summary>
    public static string Default() =>
        Default(Environment.GetEnvironmentVariable("XDG_CACHE_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
}
