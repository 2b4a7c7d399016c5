using Neuromorph.Host.Benchmarks;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Tests.Cli;

namespace Neuromorph.Host.Tests.Benchmarks;

public sealed class BenchmarkPartsTests
{
    [Fact]
    public void PeakMemory_StatusWithTabs_ReadsVmHwmInMebibytes()
    {
        string[] status = ["Name:\tdotnet", "VmPeak:\t 4096000 kB", "VmHWM:\t    2048 kB", "VmRSS:\t    1024 kB"];

        PeakMemory.FromStatus(status).Should().Be(2.0);
    }

    [Fact]
    public void PeakMemory_NoVmHwmLine_IsNull()
    {
        PeakMemory.FromStatus(["Name:\tdotnet", "VmRSS:\t 1024 kB"]).Should().BeNull();
    }

    [Theory]
    [InlineData(new[] { 5.0 }, 5.0)]
    [InlineData(new[] { 9.0, 1.0, 4.0 }, 4.0)]
    [InlineData(new[] { 8.0, 2.0, 4.0, 100.0 }, 6.0)]
    public void Median_OddAndEvenCounts_IsTheMiddleOrTheMeanOfTheTwoMiddleValues(double[] values, double expected)
    {
        Median.Of(values).Should().Be(expected);
    }

    [Fact]
    public void CsnnConfiguration_Defaults_AreTheNetworkAndOptimizerOfTheFashionMnistConfig()
    {
        var file = ConfigurationLoader.Load(RepositoryPaths.Config("fashion-mnist.toml"), []);

        var bench = CsnnBenchmark.Configuration(new CsnnBenchmarkSettings());

        bench.Model.Should().BeEquivalentTo(file.Model);
        bench.Neuron.Plugin.Should().Be(file.Neuron.Plugin);
        bench.Neuron.Surrogate.Should().Be(file.Neuron.Surrogate);
        bench.Neuron.SurrogateAlpha.Should().Be(file.Neuron.SurrogateAlpha);
        bench.Neuron.Options.Should().BeEquivalentTo(file.Neuron.Options);
        bench.Optimizer.Should().BeEquivalentTo(file.Optimizer, options => options.Excluding(o => o.Schedule));
        bench.Data.Dataset.Should().Be(file.Data.Dataset);
        bench.Distillation.Scheme.Should().Be(file.Distillation.Scheme);
        ConfigurationValidator.Problems(bench).Should().BeEmpty();
    }

    [Fact]
    public void CsnnConfiguration_Settings_SetBatchTimestepsThreadsSchemeAndDataset()
    {
        var bench = CsnnBenchmark.Configuration(new CsnnBenchmarkSettings(
            Batch: 32, Timesteps: 6, Threads: 1, Scheme: "strong2weak", Dataset: "embedded-fashion-mnist"));

        bench.Data.BatchSize.Should().Be(32);
        bench.Data.TestBatchSize.Should().Be(32);
        bench.Model.Timesteps.Should().Be(6);
        bench.Run.Threads.Should().Be(1);
        bench.Distillation.Scheme.Should().Be("strong2weak");
        bench.Data.Dataset.Should().Be("embedded-fashion-mnist");
    }
}
