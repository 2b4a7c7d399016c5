using System.Globalization;

namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>How <c>results.md</c> writes numbers: decimals by unit, signed differences, p-values as papers give them.</summary>
internal static class Figures
{
    /// <summary>A value, e.g. <c>84.20</c> (percent), <c>1.84</c> (timesteps), <c>1234.5</c> (samples/s), <c>0.0957</c> (firing rate).</summary>
    public static string Value(double value, MetricUnit unit) => value.ToString(Format(unit), CultureInfo.InvariantCulture);

    /// <summary>A difference with its sign, e.g. <c>+0.53</c>, <c>-1.20</c>.</summary>
    public static string Signed(double value, MetricUnit unit)
    {
        var text = Value(value, unit);
        return text.StartsWith('-') || !(value >= 0) ? text : "+" + text;
    }

    /// <summary>A p-value to three decimals, <c>&lt;0.001</c> below that (so rounding never crosses 0.05 or 0.01).</summary>
    public static string P(double p) => p < 0.001 ? "<0.001" : p.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>The unit of a value: <c>%</c>, <c>timesteps</c>, <c>samples/s</c>, <c>s</c>.</summary>
    public static string UnitName(MetricUnit unit) => unit switch
    {
        MetricUnit.Percent => "%",
        MetricUnit.Timesteps => "timesteps",
        MetricUnit.SamplesPerSecond => "samples/s",
        MetricUnit.SpikeRate => "spikes per neuron per timestep",
        MetricUnit.SynapticOperations => "SynOps per sample",
        _ => "s",
    };

    /// <summary>The unit of a difference: percentage points for accuracies, else the value's unit.</summary>
    public static string DifferenceUnitName(MetricUnit unit) => unit == MetricUnit.Percent ? "pp" : UnitName(unit);

    private static string Format(MetricUnit unit) => unit switch
    {
        MetricUnit.Percent or MetricUnit.Timesteps => "F2",
        MetricUnit.SpikeRate => "F4",
        MetricUnit.SynapticOperations => "F0",
        _ => "F1",
    };
}
