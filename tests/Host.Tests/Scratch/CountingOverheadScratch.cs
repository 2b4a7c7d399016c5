using System.Diagnostics;
using Neuromorph.Data;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Benchmarks;
using Neuromorph.Host.Composition;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Host.Tests.Scratch;

public sealed class CountingOverheadScratch(ITestOutputHelper log)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Measure(int threads)
    {
        var configuration = CsnnBenchmark.Configuration(new CsnnBenchmarkSettings(Dataset: "embedded-fashion-mnist"));
        using var experiment = ExperimentFactory.Create(configuration);
        var network = experiment.Network;
        Batch batch;
        using (var loader = new BatchLoader(experiment.Data.Train, 128, shuffle: true, 0, 1, dropLast: true)) batch = loader.Epoch(0).First();
        network.train();
        set_num_threads(threads);
        log.WriteLine($"threads {get_num_threads()}");
        double Forward(int stride)
        {
            CollectionPoint.Reached();
            using var scope = NewDisposeScope();
            var (inputs, labels) = BatchTensors.From(batch, network.InputShape);
            var watch = Stopwatch.StartNew();
            if (stride > 0) network.ForwardCounting(inputs, stride).Spikes.Read();
            else network.forward(inputs).sum().item<float>();
            return watch.Elapsed.TotalMilliseconds;
        }
        int[] variants = [0, 4, 1];
        for (var i = 0; i < 2; i++) foreach (var v in variants) Forward(v);
        var times = variants.ToDictionary(v => v, _ => new List<double>());
        var differences = variants.ToDictionary(v => v, _ => new List<double>());
        for (var round = 0; round < 40; round++)
        {
            var order = round % 2 == 0 ? variants : variants.Reverse().ToArray();
            var now = order.ToDictionary(v => v, Forward);
            foreach (var v in variants) { times[v].Add(now[v]); differences[v].Add(now[v] - now[0]); }
        }
        static double Median(List<double> values) { var s = values.Order().ToList(); return (s[s.Count / 2] + s[(s.Count - 1) / 2]) / 2; }
        foreach (var v in variants)
            log.WriteLine($"{(v == 0 ? "no counting" : $"stride {v}")}: forward median {Median(times[v]):F1} ms, min {times[v].Min():F1}, paired difference from none median {Median(differences[v]):F2} ms");
    }
}
