namespace Neuromorph.Plugins.SelfDistillation;

/// <summary>Which end of the confidence ranking teaches: the two plugins differ only in this.</summary>
internal enum DistillationDirection
{
    /// <summary>Strong2Weak: the most confident timestep teaches the least confident one.</summary>
    StrongToWeak,

    /// <summary>Weak2Strong: the least confident timestep teaches the most confident one.</summary>
    WeakToStrong,
}
