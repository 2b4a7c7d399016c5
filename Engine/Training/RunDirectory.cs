using System.Text.Json;
using Neuromorph.Data;

namespace Neuromorph.Engine.Training;

/// <summary>
/// The files of one run: <c>config.toml</c> (the effective configuration), <c>metrics.jsonl</c> (one JSON
/// object per epoch), <c>summary.json</c>, <c>checkpoints/last.ckpt</c> and <c>best.ckpt</c>, and the TensorBoard
/// event files in <c>tensorboard/</c>.
/// Every file is replaced atomically; the metrics log is rewritten whole on each append. A file that does not read
/// is a <see cref="RunDirectoryException"/> naming it.
/// </summary>
internal sealed class RunDirectory(string path)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = false,
    };

    private static readonly JsonSerializerOptions IndentedJson = new(Json) { WriteIndented = true };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string ConfigPath => System.IO.Path.Combine(Path, "config.toml");

    public string MetricsPath => System.IO.Path.Combine(Path, "metrics.jsonl");

    public string SummaryPath => System.IO.Path.Combine(Path, "summary.json");

    public string CheckpointsPath => System.IO.Path.Combine(Path, "checkpoints");

    public string LastCheckpointPath => System.IO.Path.Combine(CheckpointsPath, "last" + CheckpointFile.Extension);

    public string BestCheckpointPath => System.IO.Path.Combine(CheckpointsPath, "best" + CheckpointFile.Extension);

    /// <summary>The folder of the run's TensorBoard event files.</summary>
    public string TensorBoardPath => System.IO.Path.Combine(Path, "tensorboard");

    public bool HasCheckpoint => File.Exists(LastCheckpointPath);

    public void WriteConfig(string toml) => AtomicFile.WriteAllText(ConfigPath, toml);

    public void AppendMetrics(EpochMetrics metrics)
    {
        var lines = ReadMetricLines().Select(line => line.Text).ToList();
        lines.Add(JsonSerializer.Serialize(metrics, Json));
        AtomicFile.WriteAllText(MetricsPath, string.Join('\n', lines) + "\n");
    }

    /// <summary>Keeps only the metrics of the first <paramref name="epochs"/> epochs (used on resume).</summary>
    public void TruncateMetrics(int epochs)
    {
        if (!File.Exists(MetricsPath)) return;
        var kept = ReadMetricLines().Zip(ReadMetrics()).Where(pair => pair.Second.Epoch <= epochs).Select(pair => pair.First.Text).ToList();
        AtomicFile.WriteAllText(MetricsPath, kept.Count == 0 ? "" : string.Join('\n', kept) + "\n");
    }

    /// <summary>Removes what a run wrote after its configuration (metrics, summary, checkpoints): it starts again.</summary>
    public void ClearProgress()
    {
        foreach (var file in new[] { MetricsPath, SummaryPath, LastCheckpointPath, BestCheckpointPath }.Where(File.Exists))
            File.Delete(file);
    }

    /// <summary>
    /// Deletes the temporary files of writes that a killed process left unfinished (<c>.name.….tmp</c>, never read by
    /// anything). Call it only while holding the directory's lock, so no live writer's file is removed.
    /// </summary>
    public void RemoveTemporaryFiles()
    {
        foreach (var folder in new[] { Path, CheckpointsPath, TensorBoardPath }.Where(Directory.Exists))
            foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp"))
                File.Delete(file);
    }

    public IReadOnlyList<EpochMetrics> ReadMetrics() =>
        ReadMetricLines().Select(line =>
        {
            try
            {
                return JsonSerializer.Deserialize<EpochMetrics>(line.Text, Json)
                    ?? throw new JsonException("the line is null");
            }
            catch (JsonException e)
            {
                throw new RunDirectoryException(
                    $"'{MetricsPath}' line {line.Number} is not an epoch's metrics ({e.Message}). The file is corrupt; " +
                    "restore it or start the run again in a new directory.", e);
            }
        }).ToList();

    public void WriteSummary(RunSummary summary) =>
        AtomicFile.WriteAllText(SummaryPath, JsonSerializer.Serialize(summary, IndentedJson) + "\n");

    public RunSummary? ReadSummary()
    {
        if (!File.Exists(SummaryPath)) return null;
        try
        {
            return JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(SummaryPath), Json)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new RunDirectoryException(
                $"'{SummaryPath}' is not a run summary ({e.Message}). The file is corrupt; delete it (the run writes it " +
                "again from metrics.jsonl) or restore it.", e);
        }
    }

    private IEnumerable<(int Number, string Text)> ReadMetricLines() =>
        File.Exists(MetricsPath)
            ? File.ReadAllLines(MetricsPath).Select((text, index) => (index + 1, text)).Where(line => !string.IsNullOrWhiteSpace(line.text))
            : [];
}
