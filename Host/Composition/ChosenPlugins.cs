using Neuromorph.Abstractions;
using Neuromorph.Data;
using Neuromorph.Data.Events;
using Neuromorph.Engine.Robustness;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plugins;
using Neuromorph.Host.Plugins.Guards;
using Tomlyn.Model;

namespace Neuromorph.Host.Composition;

/// <summary>
/// The plugins a configuration chooses, created and checked before any data is read: the neuron model, the distillation
/// scheme (or none), the adversarial-training attack (or none) and the attacks an evaluation runs. Each plugin the run
/// trains with sits in a <see cref="PluginSlot"/> whose guard the engine calls through the run's <see cref="RunSlots"/>.
/// </summary>
internal sealed class ChosenPlugins
{
    private readonly object? schemeOptions;
    private readonly PluginSlot neuron;
    private readonly PluginSlot? scheme;
    private readonly PluginSlot? attack;
    private readonly AdjustableSurrogate surrogate;
    private RunSlots? slots;

    private ChosenPlugins(
        object? neuronOptions, object? schemeOptions, AdjustableSurrogate surrogate,
        PluginSlot neuron, PluginSlot? scheme, PluginSlot? attack, ConfiguredAttack? adversarialTraining,
        IReadOnlyList<ConfiguredAttack> evaluationAttacks)
    {
        NeuronOptions = neuronOptions;
        this.schemeOptions = schemeOptions;
        this.surrogate = surrogate;
        this.neuron = neuron;
        this.scheme = scheme;
        this.attack = attack;
        AdversarialTraining = adversarialTraining;
        EvaluationAttacks = evaluationAttacks;
    }

    /// <summary>The neuron plugin's options as bound (defaults filled in), or null when it has none.</summary>
    public object? NeuronOptions { get; }

    /// <summary>The attack making adversarial training examples, or null.</summary>
    public ConfiguredAttack? AdversarialTraining { get; }

    /// <summary>The attacks an evaluation runs (empty unless asked for).</summary>
    public IReadOnlyList<ConfiguredAttack> EvaluationAttacks { get; }

    /// <summary>The plugins the run trains with, each in its slot.</summary>
    public IReadOnlyList<PluginSlot> Slots => [neuron, .. scheme is null ? [] : new[] { scheme }, .. attack is null ? [] : new[] { attack }];

    /// <exception cref="ConfigurationException">A name is unknown, an option does not bind or a constructor refuses it.</exception>
    public static ChosenPlugins Create(PluginCatalog catalog, RunConfiguration configuration, AttackRequest? attacks)
    {
        catalog.RejectShadowing(PluginKind.DistillationScheme, [NoDistillation.Name]);
        var neuronPlugin = catalog.Find(PluginKind.Neuron, configuration.Neuron.Plugin);
        var neuronOptions = ConfiguredPlugins.BindOptions(neuronPlugin, configuration.Neuron.Options, "neuron.options");
        var schemeName = configuration.Distillation.Scheme;
        var schemePlugin = schemeName == NoDistillation.Name ? null : catalog.Find(PluginKind.DistillationScheme, schemeName);
        var schemeOptions = schemePlugin is null ? null : ConfiguredPlugins.BindOptions(schemePlugin, configuration.Distillation.Options, "distillation");
        if (schemePlugin is null && configuration.Distillation.Options.Count > 0)
            throw new ConfigurationException(
                $"[distillation] scheme = \"none\" takes no options, but the file sets {string.Join(", ", configuration.Distillation.Options.Keys.Select(k => "distillation." + k))}.");
        var surrogate = new AdjustableSurrogate(SurrogateGradients.Create(configuration.Neuron.Surrogate, configuration.Neuron.SurrogateAlpha));
        var events = EventDatasetCatalog.Find(configuration.Data.Dataset);
        if (attacks is not null && events is not null)
            throw new ConfigurationException(
                $"The run trained on the event dataset '{events.Name}' ({events.Title}); attacks perturb images in [0, 1], "
                + "not event-count frames, so there is nothing to attack.");

        // image-folder's classes are its class folders: listed (not read) here, so a missing folder is a data error.
        var context = new PluginContext(
            configuration.Model.Timesteps,
            events?.ClassCount ?? DatasetCatalog.ClassCount(configuration.Data.Dataset, configuration.Data.Path),
            configuration.Run.Seed);
        ChosenPlugins? chosen = null;
        PluginSlot Slot(PluginDescriptor plugin, string tablePath, TomlTable options, object? bound, ISurrogateGradient? neuronSurrogate, Action<RunSlots, object> install) =>
            new(plugin, tablePath, options, context, neuronSurrogate,
                ConfiguredPlugins.Create(plugin, bound, tablePath, context, neuronSurrogate), guarded => install(chosen!.slots!, guarded));

        var neuronSlot = Slot(neuronPlugin, "neuron.options", configuration.Neuron.Options, neuronOptions, surrogate,
            (slots, guarded) => slots.Neuron = (INeuronModel)guarded);
        var schemeSlot = schemePlugin is null ? null : Slot(schemePlugin, "distillation", configuration.Distillation.Options, schemeOptions, null,
            (slots, guarded) => slots.Scheme = (IDistillationScheme)guarded);
        var adversarialTraining = AttackFactory.ForTraining(catalog, configuration, context);
        var attackSlot = adversarialTraining is null ? null : new PluginSlot(
            catalog.Find(PluginKind.Attack, configuration.AdversarialTraining.Attack), "adversarial_training.options",
            AttackFactory.PluginOptions(configuration.AdversarialTraining.Options), context, null, adversarialTraining.Run.Attack,
            guarded => chosen!.slots!.Attack = chosen.slots.Attack! with { Attack = (IAdversarialAttack)guarded });
        var evaluationAttacks = attacks is null ? [] : AttackFactory.ForEvaluation(catalog, configuration, attacks, context);
        chosen = new ChosenPlugins(
            neuronOptions, schemeOptions, surrogate, neuronSlot, schemeSlot, attackSlot, adversarialTraining, evaluationAttacks);
        return chosen;
    }

    /// <summary>The run's slots, holding each chosen plugin behind its guard, and the base learning rate.</summary>
    public RunSlots CreateSlots(double baseLearningRate)
    {
        slots = new RunSlots(
            (INeuronModel)PluginGuard.Wrap(PluginKind.Neuron, neuron.Guard),
            scheme is null ? new NoDistillation() : (IDistillationScheme)PluginGuard.Wrap(PluginKind.DistillationScheme, scheme.Guard),
            AdversarialTraining is null || attack is null
                ? null
                : AdversarialTraining.Run with { Attack = (IAdversarialAttack)PluginGuard.Wrap(PluginKind.Attack, attack.Guard) },
            surrogate,
            baseLearningRate);
        return slots;
    }

    /// <summary>The configuration with each plugin's options as bound, defaults included, for the record.</summary>
    public string EffectiveToml(RunConfiguration written) => (written with
    {
        Data = EventDatasetCatalog.Find(written.Data.Dataset) is null
            ? written.Data
            : written.Data with { Events = OptionsBinder.Render(EventsSection.Bind(written.Data.Events)) },
        AdversarialTraining = AdversarialTraining is null
            ? written.AdversarialTraining
            : written.AdversarialTraining with { Options = WithSurrogateKeys(AdversarialTraining.Options, written.AdversarialTraining.Options) },
        Neuron = NeuronOptions is null ? written.Neuron : written.Neuron with { Options = OptionsBinder.Render(NeuronOptions) },
        Distillation = schemeOptions is null ? written.Distillation : written.Distillation with { Options = OptionsBinder.Render(schemeOptions) },
    }).ToToml();

    /// <summary>Bound attack options plus the host-applied surrogate keys as written.</summary>
    private static TomlTable WithSurrogateKeys(TomlTable bound, TomlTable written)
    {
        var options = new TomlTable();
        foreach (var (key, value) in bound) options[key] = value;
        foreach (var key in new[] { AttackSection.SurrogateKey, AttackSection.SurrogateAlphaKey })
            if (written.TryGetValue(key, out var value)) options[key] = value;
        return options;
    }
}
