using System.CommandLine;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.Cli;

/// <summary>
/// <c>plugins [--config FILE]</c>: lists every discovered plugin (name, kind, version, the contract version it was
/// built against, file) with its option keys and defaults, from the bundled folder and the directories a
/// configuration adds.
/// </summary>
internal static class PluginsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Option<string?>("--config") { Description = "Also search the [plugins] directories of this configuration." };
        var command = new Command("plugins", "List the discovered plugins and their options.") { config };
        command.SetAction(parse =>
        {
            try
            {
                var configPath = parse.GetValue(config);
                var extra = configPath is null ? [] : ConfigurationLoader.Load(configPath, []).Plugins.Directories;
                using var catalog = PluginCatalog.LoadForHost(extra);
                Write(catalog, output);
                return ExitCodes.Success;
            }
            catch (Exception exception)
            {
                return ErrorReport.Write(exception, error);
            }
        });
        return command;
    }

    private static void Write(PluginCatalog catalog, TextWriter output)
    {
        output.WriteLine($"{NoDistillation.Name,-16} {"scheme",-8} {"built-in",-10} {"",-16} plain cross-entropy, no distillation term");
        foreach (var plugin in catalog.All.OrderBy(p => p.Kind).ThenBy(p => p.Name))
        {
            var contract = $"contract {ContractReference.Describe(plugin.ContractVersion)}";
            output.WriteLine($"{plugin.Name,-16} {KindName(plugin.Kind),-8} {plugin.Version.Split('+')[0],-10} {contract,-16} {plugin.AssemblyPath}");
            if (plugin.Description is not null) output.WriteLine($"    {plugin.Description}");
            if (plugin.OptionsType is null) continue;
            var options = OptionsBinder.Describe(plugin.OptionsType);
            var keyWidth = options.Max(o => o.Key.Length);
            foreach (var option in options)
                output.WriteLine($"    {option.Key.PadRight(keyWidth)}  = {option.DefaultValue,-18} {option.TypeName}");
        }
        if (catalog.All.Any(p => p.Kind == PluginKind.Attack))
            output.WriteLine(
                $"Every attack also takes {Configuration.AttackSection.SurrogateKey} and {Configuration.AttackSection.SurrogateAlphaKey} " +
                "(applied by the host: the surrogate gradient used while attacking; default the model's).");
        PluginProblemsReport.Write(catalog, output);
    }

    private static string KindName(PluginKind kind) => kind switch
    {
        PluginKind.Neuron => "neuron",
        PluginKind.DistillationScheme => "scheme",
        PluginKind.Attack => "attack",
        _ => kind.ToString(),
    };
}
