using System.CommandLine;
using System.Globalization;
using Neuromorph.Abstractions;
using Neuromorph.Engine.Models;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plugins;
using Neuromorph.Host.Reporting;

namespace Neuromorph.Host.Cli;

/// <summary>
/// <c>models [--input 3x32x32] [--classes 10] [--width N] [--norm bn|tdbn]</c>: lists every architecture <c>model.name</c>
/// accepts with its base width, its parameter count for that input and class count (each model is built with the
/// default <c>lif</c> neurons, which learn no parameters, on the meta device, so any size is cheap) and a one-line
/// description with its reference.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = InputShape.Option("3x32x32");
        var classes = BenchOptions.AtLeast("--classes", 1, 10, "Classes the classifier tells apart");
        var width = new Option<int?>("--width") { Description = "Base width of the VGG and ResNet models (default: each model's published width)." };
        width.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 and var value)
                result.AddError($"--width must be >= 1, got {value}.");
        });
        var norm = new Option<string>("--norm")
        {
            Description = "Batch norm: bn (plain) or tdbn (threshold-dependent; same parameters).",
            DefaultValueFactory = _ => ModelSection.PlainNorm,
        };
        norm.AcceptOnlyFromAmong([.. ModelSection.KnownNorms]);
        var command = new Command("models", "List the model architectures with their parameter counts for an input size.")
        {
            input, classes, width, norm,
        };
        command.SetAction(parse =>
        {
            try
            {
                var shape = InputShape.Parse(parse.GetValue(input)!);
                var classCount = parse.GetValue(classes);
                var normName = parse.GetValue(norm)!;
                var section = new ModelSection(Width: parse.GetValue(width) ?? 0, Norm: normName);
                using var catalog = PluginCatalog.LoadForHost([]);
                var neuron = DefaultNeuron.Create(catalog, new PluginContext(1, classCount, 0));
                var rows = ModelCatalog.All.Select(architecture => Row(architecture, shape, classCount, section, neuron)).ToArray();
                var heading = $"input {InputRequirements.Describe(shape)}, {classCount.ToString(CultureInfo.InvariantCulture)} classes, "
                    + $"norm {normName}; parameters: weights, biases and batch-norm scales and shifts ({DefaultNeuron.PluginName} neurons add none)";
                ModelTable.Write(output, heading, rows);
                return ExitCodes.Success;
            }
            catch (Exception exception)
            {
                return ErrorReport.Write(exception, error);
            }
        });
        return command;
    }

    /// <summary>Builds <paramref name="architecture"/> for the input, when it takes it, and counts its parameters.</summary>
    private static ModelTableRow Row(ModelArchitecture architecture, long[] shape, int classCount, ModelSection section, INeuronModel neuron)
    {
        var sizedByWidth = architecture.DefaultWidth > 0;
        var width = sizedByWidth ? section.Width > 0 ? section.Width : architecture.DefaultWidth : 0;
        var spec = new ModelSpec(
            architecture.Name, 1, shape, classCount, section.Channels, section.Hidden, 0, 1, width, section.NormKind);
        var problem = ModelCatalog.InputProblem(spec);
        long? parameters = problem is null ? ModelCatalog.ParameterCount(spec, neuron) : null;
        return new ModelTableRow(architecture.Name, sizedByWidth ? width : null, parameters, architecture.Description, problem);
    }
}
