using Neuromorph.Host.Configuration;
using Neuromorph.Host.Sweeps;

namespace Neuromorph.Host.Tests.Sweeps;

/// <summary>The job-array script of <c>sweep run --executor slurm</c>, line by line.</summary>
public sealed class SlurmScriptTests
{
    private static readonly SweepDirectory Sweep = new("/shared/lab/sweeps/distill");
    private static readonly string[] Launcher = ["/opt/neuromorph/Neuromorph.Host"];

    private static string[] Lines(SlurmSection slurm, IEnumerable<int>? indices = null, IReadOnlyList<string>? host = null) =>
        SlurmScript.Text("distill", Sweep, slurm, indices ?? [0, 1, 2, 3], host ?? Launcher).Split('\n');

    private static string[] Directives(SlurmSection slurm) => Lines(slurm).Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Text_DefaultSection_HasTheSweepsOwnDirectivesOnlyAfterTheShebang()
    {
        var lines = Lines(new SlurmSection());

        lines[0].Should().Be("#!/bin/bash");
        Directives(new SlurmSection()).Should().Equal(
            "#SBATCH --job-name=distill",
            "#SBATCH --array=0-3",
            "#SBATCH --output=/shared/lab/sweeps/distill/logs/task-%a.out",
            "#SBATCH --error=/shared/lab/sweeps/distill/logs/task-%a.err",
            "#SBATCH --open-mode=append",
            "#SBATCH --requeue",
            "#SBATCH --signal=B:TERM@120");
        // sbatch stops reading directives at the first command: every #SBATCH line comes before it.
        Array.FindLastIndex(lines, l => l.StartsWith("#SBATCH", StringComparison.Ordinal))
            .Should().BeLessThan(Array.FindIndex(lines, l => l.Length > 0 && !l.StartsWith('#')));
    }

    [Fact]
    public void Text_ScatteredIndicesAndMaxConcurrent_WritesRangesAndTheLimit()
    {
        var lines = Lines(new SlurmSection(MaxConcurrent: 2), indices: [8, 0, 1, 2, 5, 7]);

        lines.Should().Contain("#SBATCH --array=0-2,5,7-8%2");
    }

    [Fact]
    public void Text_EveryResourceSet_WritesEachOnceAfterTheSweepsOwnAndExtraVerbatimLast()
    {
        var slurm = new SlurmSection(
            Partition: "gpu", CpusPerTask: 4, Mem: "16G", Time: "02:00:00", Gres: "gpu:1", MaxConcurrent: 3, SignalSeconds: 300,
            Extra: ["--account=lab", "--qos=high", "--constraint=\"a100|h100\""]);

        Directives(slurm).Should().Equal(
            "#SBATCH --job-name=distill",
            "#SBATCH --array=0-3%3",
            "#SBATCH --output=/shared/lab/sweeps/distill/logs/task-%a.out",
            "#SBATCH --error=/shared/lab/sweeps/distill/logs/task-%a.err",
            "#SBATCH --open-mode=append",
            "#SBATCH --requeue",
            "#SBATCH --signal=B:TERM@300",
            "#SBATCH --partition=gpu",
            "#SBATCH --cpus-per-task=4",
            "#SBATCH --mem=16G",
            "#SBATCH --time=02:00:00",
            "#SBATCH --gres=gpu:1",
            "#SBATCH --account=lab",
            "#SBATCH --qos=high",
            "#SBATCH --constraint=\"a100|h100\"");
    }

    [Fact]
    public void Text_NoCpusPerTask_ExecsTheHostWithSlurmsCpuCountAsThreads()
    {
        var exec = Lines(new SlurmSection()).Single(l => l.StartsWith("exec ", StringComparison.Ordinal));

        exec.Should().Be("exec /opt/neuromorph/Neuromorph.Host sweep task /shared/lab/sweeps/distill \"$SLURM_ARRAY_TASK_ID\" --threads \"${SLURM_CPUS_PER_TASK:-0}\"");
    }

    [Fact]
    public void Text_CpusPerTask_PassesThemAsThreads()
    {
        var exec = Lines(new SlurmSection(CpusPerTask: 4)).Single(l => l.StartsWith("exec ", StringComparison.Ordinal));

        exec.Should().EndWith("sweep task /shared/lab/sweeps/distill \"$SLURM_ARRAY_TASK_ID\" --threads 4");
    }

    [Fact]
    public void Text_RelativeSweepDirectoryAndDotnetHost_WritesAbsolutePathsQuotedForTheShell()
    {
        var sweep = new SweepDirectory(Path.Combine("sweeps", "it's here"));
        var text = SlurmScript.Text("distill", sweep, new SlurmSection(), [0], ["/usr/share/dotnet/dotnet", "/opt/nm/Neuromorph.Host.dll"]);

        var absolute = Path.GetFullPath(Path.Combine("sweeps", "it's here"));
        text.Split('\n').Should().Contain("exec /usr/share/dotnet/dotnet /opt/nm/Neuromorph.Host.dll sweep task "
            + $"'{absolute.Replace("'", "'\\''", StringComparison.Ordinal)}' \"$SLURM_ARRAY_TASK_ID\" --threads \"${{SLURM_CPUS_PER_TASK:-0}}\"");
        text.Split('\n').Should().Contain($"#SBATCH --output=\"{Path.Combine(absolute, "logs")}/task-%a.out\"");
    }

    [Fact]
    public void Text_PercentInTheSweepDirectory_IsEscapedSoOnlyTheTaskIdIsReplaced()
    {
        var text = SlurmScript.Text("distill", new SweepDirectory("/data/100%/sweep"), new SlurmSection(), [0], Launcher);

        text.Split('\n').Should().Contain("#SBATCH --output=/data/100%%/sweep/logs/task-%a.out");
    }

    [Theory]
    [InlineData("account=lab", "is not an sbatch option")]
    [InlineData("--account=lab\n#SBATCH --array=0", "is not an sbatch option")]
    [InlineData("--array=0-9", "sets --array itself")]
    [InlineData("-a0-9", "sets --array itself")]
    public void Check_ExtraThatIsNoOptionOrSetsTheArray_IsAConfigurationError(string extra, string expected)
    {
        var check = () => SlurmScript.Check(new SlurmSection(Extra: ["--account=lab", extra]));

        check.Should().Throw<ConfigurationException>().WithMessage($"*slurm.extra*{expected}*");
    }

    [Fact]
    public void Check_ValueWithASpace_IsAConfigurationError()
    {
        var check = () => SlurmScript.Check(new SlurmSection(Mem: "16 G"));

        check.Should().Throw<ConfigurationException>().WithMessage("slurm.mem = \"16 G\"*");
    }

    [Fact]
    public void Check_UsualSection_Passes()
    {
        var check = () => SlurmScript.Check(new SlurmSection("gpu", 4, "16G", "1-00:00:00", "gpu:1", 2, 120, ["--account=lab", "-A lab"]));

        check.Should().NotThrow();
    }
}
