using System.Globalization;
using Neuromorph.Abstractions;
using Neuromorph.Engine.Robustness;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plugins;
using Tomlyn.Model;

namespace Neuromorph.Host.Composition;

/// <summary>
/// Creates attack plugins from their TOML tables: the host-applied surrogate keys are taken out, the rest is
/// bound to the attack's options record, and the instance is created (its constructor checks the values).
/// </summary>
internal static class AttackFactory
{
    /// <summary>
    /// The option an attack's budget goes by, in the norm the attack declares (<see cref="IAdversarialAttack.Norm"/>);
    /// attacks that have it take part in ε sweeps.
    /// </summary>
    public const string EpsilonKey = "epsilon";

    /// <summary>The attacks the <c>attack</c> command runs, from the <c>[attack.&lt;name&gt;]</c> tables.</summary>
    public static IReadOnlyList<ConfiguredAttack> ForEvaluation(
        PluginCatalog catalog, RunConfiguration configuration, AttackRequest request, PluginContext context)
    {
        var tables = configuration.Attack.Attacks;
        foreach (var name in tables.Keys)
        {
            try
            {
                catalog.Find(PluginKind.Attack, name);
            }
            catch (PluginNotFoundException e)
            {
                throw new ConfigurationException($"[attack.{name}]: {e.Message}", e);
            }
        }
        var names = request.Names.Count > 0 ? request.Names.Distinct().ToArray() : catalog.Names(PluginKind.Attack);
        if (names.Count == 0)
            throw new ConfigurationException(
                "no attack plugins were found: build the solution (the attacks ship in Plugins/Attacks) or add the folder of an attack plugin to [plugins] directories.");
        var attacks = new List<ConfiguredAttack>();
        foreach (var name in names)
        {
            var plugin = catalog.Find(PluginKind.Attack, name);
            var table = tables.TryGetValue(name, out var value) ? (TomlTable)value : [];
            // Created as configured first: that checks the configured options and tells the attack's norm, which picks
            // the sweep's values for it.
            var configured = Create(plugin, table, $"attack.{name}", configuration.Neuron, context, epsilon: null);
            var budget = configured.Run.Budget;
            var sweep = budget.Epsilon is null ? null : request.Epsilons?.For(budget.Norm);
            if (sweep is null)
                attacks.Add(configured);
            else
                attacks.AddRange(sweep.Select(epsilon => Create(plugin, table, $"attack.{name}", configuration.Neuron, context, epsilon)));
        }
        return attacks;
    }

    /// <summary>The attack adversarial training uses, or null when <c>adversarial_training.attack = "none"</c>.</summary>
    public static ConfiguredAttack? ForTraining(PluginCatalog catalog, RunConfiguration configuration, PluginContext context)
    {
        var section = configuration.AdversarialTraining;
        if (section.Attack == AdversarialTrainingSection.NoAttack)
        {
            if (section.Options.Count > 0)
                throw new ConfigurationException(
                    $"adversarial_training.attack = \"none\" takes no options, but the file sets {string.Join(", ", section.Options.Keys.Select(k => "adversarial_training.options." + k))}.");
            return null;
        }
        var plugin = catalog.Find(PluginKind.Attack, section.Attack);
        return Create(plugin, section.Options, "adversarial_training.options", configuration.Neuron, context, epsilon: null);
    }

    private static ConfiguredAttack Create(
        PluginDescriptor plugin, TomlTable table, string tablePath, NeuronSection neuron, PluginContext context, double? epsilon)
    {
        var options = PluginOptions(table, epsilon);
        var (surrogate, description) = Surrogate(table, tablePath, neuron);
        var bound = ConfiguredPlugins.BindOptions(plugin, options, tablePath);
        var attack = (IAdversarialAttack)ConfiguredPlugins.Create(plugin, bound, tablePath, context, surrogate: null);
        var rendered = bound is null ? new TomlTable() : OptionsBinder.Render(bound);
        double? boundEpsilon = rendered.TryGetValue(EpsilonKey, out var e) ? Convert.ToDouble(e, CultureInfo.InvariantCulture) : null;
        var budget = new AttackBudget(DeclaredNorm(plugin, attack), boundEpsilon);
        return new ConfiguredAttack(new AttackRun(plugin.Name, attack, budget, surrogate), rendered, description);
    }

    /// <summary>The norm the attack declares; one this host does not know is a plugin error, not a silent L∞.</summary>
    public static PerturbationNorm DeclaredNorm(PluginDescriptor plugin, IAdversarialAttack attack)
    {
        var norm = attack.Norm;
        if (!Enum.IsDefined(norm))
            throw new PluginConfigurationException(
                $"Attack plugin '{plugin.Name}' ({plugin.AssemblyPath}) declares the norm {(int)norm}, which contract " +
                $"{ContractVersion.Current} does not define ({string.Join(", ", Enum.GetNames<PerturbationNorm>())}); fix the plugin's Norm.");
        return norm;
    }

    /// <summary>
    /// The attack plugin's own options in <paramref name="table"/>: every key but the host-applied surrogate keys,
    /// with <c>epsilon</c> set to <paramref name="epsilon"/> when one is given (an ε sweep).
    /// </summary>
    public static TomlTable PluginOptions(TomlTable table, double? epsilon = null)
    {
        var options = new TomlTable();
        foreach (var (key, value) in table)
            if (key is not (AttackSection.SurrogateKey or AttackSection.SurrogateAlphaKey))
                options[key] = value;
        if (epsilon is { } sweptEpsilon)
            options[EpsilonKey] = sweptEpsilon;
        return options;
    }

    /// <summary>
    /// The surrogate to attack with: <c>surrogate</c> and <c>surrogate_alpha</c> when the table sets either (the
    /// model's surrogate name when only the sharpness is set); otherwise null, keeping the model's own.
    /// </summary>
    private static (ISurrogateGradient? Surrogate, string Description) Surrogate(TomlTable table, string tablePath, NeuronSection neuron)
    {
        var hasName = table.TryGetValue(AttackSection.SurrogateKey, out var nameValue);
        var hasAlpha = table.TryGetValue(AttackSection.SurrogateAlphaKey, out var alphaValue);
        if (!hasName && !hasAlpha)
            return (null, Describe(neuron.Surrogate, neuron.SurrogateAlpha) + " (the model's)");
        var name = neuron.Surrogate;
        if (hasName)
        {
            name = nameValue as string ?? throw new ConfigurationException(
                $"{tablePath}.{AttackSection.SurrogateKey}: expected a surrogate name (a string) but found {OptionTypeNames.Found(nameValue)}.");
            if (!SurrogateGradients.Names.Contains(name))
                throw new ConfigurationException(
                    $"{tablePath}.{AttackSection.SurrogateKey} = \"{name}\" is not known: valid values are {string.Join(", ", SurrogateGradients.Names.Select(n => $"\"{n}\""))}.");
        }
        var alpha = 0.0;
        if (hasAlpha)
        {
            alpha = alphaValue switch
            {
                long integer => integer,
                double real => real,
                _ => throw new ConfigurationException(
                    $"{tablePath}.{AttackSection.SurrogateAlphaKey}: expected a number but found {OptionTypeNames.Found(alphaValue)}."),
            };
            if (!double.IsFinite(alpha) || alpha < 0)
                throw new ConfigurationException(
                    $"{tablePath}.{AttackSection.SurrogateAlphaKey} = {alpha.ToString(CultureInfo.InvariantCulture)} is out of range: it must be a finite number >= 0 (0 uses the surrogate's default).");
        }
        return (SurrogateGradients.Create(name, alpha), Describe(name, alpha));
    }

    private static string Describe(string name, double alpha) =>
        alpha > 0 ? string.Create(CultureInfo.InvariantCulture, $"{name} (alpha {alpha:G4})") : name;
}
