using System.Text.Json;

namespace Neuromorph.Host.Tests.Cli;

public sealed class EventTrainingTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-events-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>
    /// A tiny N-MNIST-format folder: 8 training and 4 test recordings, labels 0 and 1. Class 0 fires ON events on
    /// the left half, class 1 OFF events on the right, over 30 ms.
    /// </summary>
    private string WriteTinyNMnist()
    {
        var folder = Path.Combine(root, "nmnist");
        foreach (var (split, count) in new[] { ("Train", 8), ("Test", 4) })
        {
            for (var i = 0; i < count; i++)
            {
                var label = i % 2;
                var bytes = new List<byte>();
                for (var e = 0; e < 60; e++)
                {
                    // 5 bytes per event: x, y, polarity bit 7 | timestamp bits 22..16, timestamp bits 15..8, 7..0.
                    var x = label == 0 ? (e + i) % 17 : 17 + ((e + i) % 17);
                    var timestamp = e * 500;
                    bytes.AddRange([(byte)x, (byte)((3 * e) % 34), (byte)((label == 0 ? 0x80 : 0) | (timestamp >> 16)), (byte)(timestamp >> 8), (byte)timestamp]);
                }
                var path = Path.Combine(folder, split, label.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{i:D5}.bin");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, [.. bytes]);
            }
        }
        return folder;
    }

    [Fact]
    public async Task Train_TinyNMnistFolder_TrainsOnFrameSequencesAndCachesThem()
    {
        var data = WriteTinyNMnist();
        var cache = Path.Combine(root, "cache");
        var runDir = Path.Combine(root, "run");
        var config = CliRun.WriteConfig(root, $"""
            [run]
            name = "nmnist-tiny"
            epochs = 1
            log_every = 1

            [data]
            dataset = "nmnist"
            path = "{data}"
            batch_size = 4
            test_batch_size = 4

            [data.events]
            frames_split = "time"
            cache_dir = "cache"

            [model]
            timesteps = 3
            channels = [4, 8]
            hidden = 16

            [optimizer]
            name = "adam"
            lr = 0.003
            """);

        var run = await CliRun.RunAsync("train", config, "--run-dir", runDir);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("integrating 8 N-MNIST training samples into frames (T = 3)");
        var metrics = File.ReadAllLines(Path.Combine(runDir, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).Single();
        metrics.GetProperty("iterations").GetInt32().Should().Be(2, "8 samples in batches of 4");
        metrics.GetProperty("test_accuracy_at_timesteps").GetArrayLength().Should().Be(3);
        Directory.GetFiles(cache).Select(Path.GetFileName).Order().Should().SatisfyRespectively(
            test => test.Should().StartWith("nmnist-test-t3-time-32x32-v1-"),
            train => train.Should().StartWith("nmnist-train-t3-time-32x32-v1-"));
        var effective = File.ReadAllText(Path.Combine(runDir, "config.toml"));
        effective.Should().Contain("[data.events]").And.Contain("frames_split = \"time\"").And.Contain("size = 0")
            .And.Contain($"cache_dir = \"{cache}\"");

        // Evaluation rebuilds the data from the cache, without the recordings; k = 2 uses the first two frames.
        Directory.Delete(data, recursive: true);
        var eval = await CliRun.RunAsync("eval", runDir, "--timesteps", "2");
        eval.ExitCode.Should().Be(0, eval.Error);
        File.Exists(Path.Combine(runDir, "evaluation-t2.json")).Should().BeTrue();

        var attack = await CliRun.RunAsync("attack", runDir, "--attack", "fgsm");
        attack.ExitCode.Should().Be(2);
        attack.Error.Should().Contain("event dataset 'nmnist'").And.Contain("nothing to attack");
    }

    [Fact]
    public async Task Train_EventDatasetWithAugmentation_IsAConfigurationErrorBeforeAnyDataIsRead()
    {
        var config = CliRun.WriteConfig(root, "[data]\ndataset = \"nmnist\"\npath = \"missing\"\n\n[data.augment]\nautoaugment = \"cifar10\"\n");

        var run = await CliRun.RunAsync("train", config, "--run-dir", Path.Combine(root, "run"));

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain("[data.augment] sets autoaugment = \"cifar10\", but data.dataset = \"nmnist\" is an event dataset")
            .And.NotContain("was not found");
    }

    [Fact]
    public async Task Train_EventDatasetWithoutPath_IsADataErrorNamingWhatToSet()
    {
        var config = CliRun.WriteConfig(root, "[data]\ndataset = \"dvs-gesture\"\npath = \"missing\"\n");

        var run = await CliRun.RunAsync("train", config, "--run-dir", Path.Combine(root, "run"), "--set", $"data.events.cache_dir=\"{Path.Combine(root, "cache")}\"");

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain("Dataset 'dvs-gesture' (DVS128 Gesture) was not found").And.Contain("trials_to_train.txt");
    }
}
