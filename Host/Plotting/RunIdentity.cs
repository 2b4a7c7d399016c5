using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// What a figure's title says about its run: the run (its directory's name), model, T, neuron model, distillation scheme
/// and dataset, from <c>summary.json</c> or, before the first epoch ended, from <c>config.toml</c>.
/// </summary>
internal sealed record RunIdentity(string Name, string Model, int? Timesteps, string Neuron, string Scheme, string Dataset)
{
    public static RunIdentity Of(string name, RunSummary? summary, RunSettings settings) =>
        summary is not null
            ? new(name, summary.Model, summary.Timesteps, summary.Neuron, summary.Scheme, summary.Dataset)
            : new(name, settings.Text("model.name") ?? "?", settings.Integer("model.timesteps"), settings.Text("neuron.plugin") ?? "?",
                settings.Text("distillation.scheme") ?? "none", settings.Text("data.dataset") ?? "?");

    /// <summary>E.g. <c>quickstart: csnn, T = 4, lif neurons, scheme strong2weak, embedded-fashion-mnist</c>.</summary>
    public override string ToString() =>
        $"{Name}: {Model}{(Timesteps is { } t ? $", T = {t}" : "")}, {Neuron} neurons, scheme {Scheme}, {Dataset}";

    /// <summary>A two-line title: what the figure shows, then which run.</summary>
    public string Title(string what) => $"{what}\n{this}";
}
