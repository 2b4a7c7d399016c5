using Neuromorph.Data.Events;
using Neuromorph.Engine.Models;

namespace Neuromorph.Host.Configuration;

/// <summary>
/// The configuration checks that concern event datasets: <c>[data.events]</c> (known keys, values in range, only
/// with an event dataset) and what does not work on event frames (augmentation, which transforms static images, and
/// adversarial training, which perturbs them).
/// </summary>
internal static class EventDataValidation
{
    /// <summary>Adds a message per problem to <paramref name="problems"/>.</summary>
    public static void AddProblems(List<string> problems, RunConfiguration configuration)
    {
        var data = configuration.Data;
        var dataset = EventDatasetCatalog.Find(data.Dataset);
        if (dataset is null)
        {
            if (data.Events is { Count: > 0 })
                problems.Add(
                    $"[{EventsSection.TablePath}] applies only to event datasets ({string.Join(", ", EventDatasetCatalog.Names.Select(n => $"\"{n}\""))}), "
                    + $"but data.dataset = \"{data.Dataset}\"; remove the table or pick an event dataset.");
            return;
        }

        AugmentProblem(problems, data);
        EventsSection events;
        try
        {
            events = EventsSection.Bind(data.Events);
        }
        catch (ConfigurationException exception)
        {
            problems.Add(exception.Message);
            return;
        }
        if (events.Size != 0 && (events.Size < MinimumSize || events.Size > Math.Min(dataset.SensorWidth, dataset.SensorHeight)))
            problems.Add(
                $"{EventsSection.TablePath}.size = {events.Size} is out of range: it must be 0 (the dataset's default, {dataset.DefaultSize}) "
                + $"or an integer from {MinimumSize} to {dataset.Title}'s sensor size {dataset.SensorWidth} (frames are made by "
                + "shrinking the sensor, never by enlarging it).");
        else if (configuration.Model.Name == ConvolutionalSnn.Name && events.FrameSize(dataset) % 4 != 0)
            problems.Add(
                $"{EventsSection.TablePath}.size = {events.Size} gives {events.FrameSize(dataset)}x{events.FrameSize(dataset)} frames, but model "
                + $"\"{ConvolutionalSnn.Name}\" needs a size divisible by 4 (it pools twice by 2): use e.g. "
                + $"{EventsSection.TablePath}.size = {Math.Max(MinimumSize, events.FrameSize(dataset) / 4 * 4)}.");
        if (configuration.AdversarialTraining.Attack != AdversarialTrainingSection.NoAttack)
            problems.Add(
                $"adversarial_training.attack = \"{configuration.AdversarialTraining.Attack}\" cannot be used with the event dataset "
                + $"\"{data.Dataset}\": attacks perturb images in [0, 1], not event-count frames. Set it to \"none\".");
    }

    /// <summary>
    /// Augmentation that is switched on: the loader augments static images only. A table whose keys all keep their
    /// defaults is accepted (the effective configuration of every run lists it so); one it cannot bind is reported by
    /// <see cref="ConfigurationValidator"/>.
    /// </summary>
    private static void AugmentProblem(List<string> problems, DataSection data)
    {
        AugmentSection augment;
        try
        {
            augment = data.BindAugment();
        }
        catch (ConfigurationException)
        {
            return;
        }
        var defaults = OptionsBinder.Render(new AugmentSection());
        var active = OptionsBinder.Render(augment).Where(entry => !Equals(entry.Value, defaults[entry.Key])).ToArray();
        if (active.Length == 0)
            return;
        problems.Add(
            $"[{AugmentSection.TablePath}] sets {string.Join(", ", active.Select(entry => $"{entry.Key} = {TomlText.FormatValue(entry.Value)}"))}, but "
            + $"data.dataset = \"{data.Dataset}\" is an event dataset: augmentation transforms static images, not event frames. "
            + $"Remove [{AugmentSection.TablePath}] or pick an image dataset.");
    }

    /// <summary>The smallest frame size: the convolutional model pools twice by 2.</summary>
    public const int MinimumSize = 4;
}
