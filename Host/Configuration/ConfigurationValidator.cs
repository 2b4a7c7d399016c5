using System.Globalization;

namespace Neuromorph.Host.Configuration;

/// <summary>
/// Checks every value's range and every name against the known ones, collecting all problems so one run
/// of the program reports them all. Plugin names are checked later by the plugin catalog.
/// </summary>
internal static class ConfigurationValidator
{
    /// <summary>The problems of <paramref name="configuration"/>, one message per bad key; empty when valid.</summary>
    public static IReadOnlyList<string> Problems(RunConfiguration configuration)
    {
        var problems = new List<string>();
        var (run, data, model, neuron, optimizer, _, checkpoint, _, adversarial, attack) = configuration;

        if (run.Name.Length == 0 || run.Name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.')))
            problems.Add($"run.name = \"{run.Name}\" is not valid: use letters, digits, '-', '_' and '.' (it names the run directory).");
        AtLeast(problems, "run.epochs", run.Epochs, 1);
        AtLeast(problems, "run.log_every", run.LogEvery, 1);
        Between(problems, "run.threads", run.Threads, 0, ConfigurationLimits.MaxThreads,
            $" ({ConfigurationLimits.ThreadsReason}; 0 keeps TorchSharp's default, one per processor)");

        OneOf(problems, "data.dataset", data.Dataset, [.. DataSection.KnownDatasets, .. Data.Events.EventDatasetCatalog.Names]);
        Between(problems, "data.batch_size", data.BatchSize, 1, ConfigurationLimits.MaxBatchSize);
        Between(problems, "data.test_batch_size", data.TestBatchSize, 1, ConfigurationLimits.MaxBatchSize);
        AtLeast(problems, "data.train_limit", data.TrainLimit, 0, " (0 uses all samples)");
        AtLeast(problems, "data.test_limit", data.TestLimit, 0, " (0 uses all samples)");
        Between(problems, "data.prefetch", data.Prefetch, 1, ConfigurationLimits.MaxPrefetch,
            " (batches prepared ahead of training: more only holds more memory)");
        DataProblems(problems, data);

        ModelProblems(problems, model);

        OneOf(problems, "neuron.surrogate", neuron.Surrogate, NeuronSection.KnownSurrogates);
        if (!double.IsFinite(neuron.SurrogateAlpha) || neuron.SurrogateAlpha < 0)
            problems.Add(OutOfRange("neuron.surrogate_alpha", neuron.SurrogateAlpha, "a finite number >= 0 (0 uses the surrogate's default)"));

        OneOf(problems, "optimizer.name", optimizer.Name, OptimizerSection.KnownOptimizers);
        Positive(problems, "optimizer.lr", optimizer.Lr);
        UnitInterval(problems, "optimizer.momentum", optimizer.Momentum);
        if (!double.IsFinite(optimizer.WeightDecay) || optimizer.WeightDecay < 0)
            problems.Add(OutOfRange("optimizer.weight_decay", optimizer.WeightDecay, "a finite number >= 0"));
        OneOf(problems, "optimizer.schedule", optimizer.Schedule, OptimizerSection.KnownSchedules);
        AtLeast(problems, "optimizer.step_size", optimizer.StepSize, 1);
        Positive(problems, "optimizer.gamma", optimizer.Gamma);
        UnitInterval(problems, "optimizer.beta1", optimizer.Beta1);
        UnitInterval(problems, "optimizer.beta2", optimizer.Beta2);

        if (!double.IsFinite(checkpoint.EveryMinutes) || checkpoint.EveryMinutes < 0)
            problems.Add(OutOfRange("checkpoint.every_minutes", checkpoint.EveryMinutes, "a finite number >= 0 (0 writes checkpoints at epoch ends only)"));

        if (!(adversarial.Fraction > 0 && adversarial.Fraction <= 1))
            problems.Add(OutOfRange("adversarial_training.fraction", adversarial.Fraction, "a number in (0, 1] (the share of each batch made adversarial)"));
        if (!double.IsFinite(adversarial.OrthogonalityWeight) || adversarial.OrthogonalityWeight < 0)
            problems.Add(OutOfRange("adversarial_training.orthogonality_weight", adversarial.OrthogonalityWeight, "a finite number >= 0 (0 turns the regulariser off)"));
        EventDataValidation.AddProblems(problems, configuration);
        foreach (var (name, value) in attack.Attacks)
            if (value is not Tomlyn.Model.TomlTable)
                problems.Add($"attack.{name} = {OptionTypeNames.Found(value)}: [attack] holds one table per attack, e.g. [attack.pgd] with epsilon = 0.03.");
        return problems;
    }

    private static void ModelProblems(List<string> problems, ModelSection model)
    {
        OneOf(problems, "model.name", model.Name, ModelSection.KnownModels, suggestNearest: true);
        Between(problems, "model.timesteps", model.Timesteps, 1, ConfigurationLimits.MaxTimesteps);
        if (model.Channels.Count != 2 || model.Channels.Any(c => c is < 1 or > ConfigurationLimits.MaxLayerSize))
            problems.Add($"model.channels = [{string.Join(", ", model.Channels)}] is not valid: it must be exactly 2 integers "
                + $"in [1, {ConfigurationLimits.MaxLayerSize}], e.g. [32, 64].");
        Between(problems, "model.hidden", model.Hidden, 1, ConfigurationLimits.MaxLayerSize);
        Between(problems, "model.width", model.Width, 0, ConfigurationLimits.MaxLayerSize,
            " (the base width of the VGG and ResNet models; 0 uses the model's published width)");
        var architecture = Engine.Models.ModelCatalog.Find(model.Name);
        if (model.Width > 0 && architecture is { DefaultWidth: 0 })
            problems.Add(
                $"model.width = {model.Width} does not apply to model \"{model.Name}\": it is sized by model.channels and model.hidden; remove model.width or set it to 0.");
        OneOf(problems, "model.norm", model.Norm, ModelSection.KnownNorms);
        Positive(problems, "model.tdbn_alpha", model.TdbnAlpha);
        if (model.Norm == ModelSection.PlainNorm && model.TdbnAlpha != 1.0 && double.IsFinite(model.TdbnAlpha) && model.TdbnAlpha > 0)
            problems.Add(
                $"model.tdbn_alpha = {model.TdbnAlpha.ToString(CultureInfo.InvariantCulture)} has no effect with model.norm = \"bn\": set model.norm = \"tdbn\" to use it, or remove it.");
    }

    /// <summary>The problems of the keys for static image datasets: workers, image size, image-folder path, augmentation.</summary>
    private static void DataProblems(List<string> problems, DataSection data)
    {
        Between(problems, "data.workers", data.Workers, 1, ConfigurationLimits.MaxThreads, $" ({ConfigurationLimits.ThreadsReason})");
        if (data.ImageSize < 4 || data.ImageSize > ConfigurationLimits.MaxImageSize || data.ImageSize % 4 != 0)
            problems.Add(OutOfRange("data.image_size", data.ImageSize,
                $"a multiple of 4 in [4, {ConfigurationLimits.MaxImageSize}] (image-folder images are resized to it; csnn halves it twice)"));
        if (data.Dataset == Data.DatasetCatalog.ImageFolderName && string.IsNullOrWhiteSpace(data.Path))
            problems.Add($"data.dataset = \"{data.Dataset}\" needs data.path: the folder that holds train/<class>/ and val/<class>/ "
                + "folders of .jpg or .png images.");
        AugmentSection augment;
        try
        {
            augment = data.BindAugment();
        }
        catch (ConfigurationException exception)
        {
            problems.Add(exception.Message);
            return;
        }
        AtLeast(problems, $"{AugmentSection.TablePath}.random_crop_padding", augment.RandomCropPadding, 0, " (0 turns it off)");
        AtLeast(problems, $"{AugmentSection.TablePath}.cutout", augment.Cutout, 0, " (the square's side; 0 turns it off)");
        OneOf(problems, $"{AugmentSection.TablePath}.autoaugment", augment.Autoaugment, AugmentSection.KnownPolicies);
    }

    private static void AtLeast(List<string> problems, string key, long value, long minimum, string note = "")
    {
        if (value < minimum)
            problems.Add(OutOfRange(key, value, $"an integer >= {minimum}{note}"));
    }

    private static void Between(List<string> problems, string key, long value, long minimum, long maximum, string note = "")
    {
        if (value < minimum || value > maximum)
            problems.Add(OutOfRange(key, value, $"an integer in [{minimum}, {maximum}]{note}"));
    }

    private static void Positive(List<string> problems, string key, double value)
    {
        if (!double.IsFinite(value) || value <= 0)
            problems.Add(OutOfRange(key, value, "a finite number > 0"));
    }

    private static void UnitInterval(List<string> problems, string key, double value)
    {
        if (!(value >= 0 && value < 1))
            problems.Add(OutOfRange(key, value, "a number in [0, 1)"));
    }

    /// <param name="suggestNearest">Also name the known value nearest to a mistyped one, when one is close.</param>
    private static void OneOf(List<string> problems, string key, string value, IReadOnlyList<string> known, bool suggestNearest = false)
    {
        if (known.Contains(value)) return;
        var valid = string.Join(", ", known.Select(k => $"\"{k}\""));
        var nearest = suggestNearest ? Plugins.NearestName.Find(value, known) : null;
        problems.Add(nearest is null
            ? $"{key} = \"{value}\" is not known: valid values are {valid}."
            : $"{key} = \"{value}\" is not known: did you mean \"{nearest}\"? Valid values are {valid}.");
    }

    private static string OutOfRange(string key, double value, string range) =>
        $"{key} = {value.ToString(CultureInfo.InvariantCulture)} is out of range: it must be {range}.";
}
