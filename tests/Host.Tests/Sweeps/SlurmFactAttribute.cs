namespace Neuromorph.Host.Tests.Sweeps;

/// <summary>
/// A test that needs a Slurm cluster with a node that takes jobs (<see cref="LocalCluster"/>). Without one it is skipped,
/// saying how to start one, except on CI (<c>CI=true</c>), where it runs and fails: there the cluster is part of the
/// set-up (<c>.ci/run</c> starts it), and a skip would hide that the Slurm path went untested.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (LocalCluster.Problem is { } problem && !LocalCluster.Required) Skip = problem;
    }
}
