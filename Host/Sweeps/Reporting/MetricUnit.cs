namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>What a metric measures, which decides how it is written.</summary>
internal enum MetricUnit
{
    /// <summary>An accuracy, held and written in percent (differences in percentage points).</summary>
    Percent,

    /// <summary>A mean number of timesteps (early exit).</summary>
    Timesteps,

    /// <summary>Training throughput in samples per second.</summary>
    SamplesPerSecond,

    /// <summary>Wall-clock time in seconds.</summary>
    Seconds,

    /// <summary>A firing rate: spikes per neuron per timestep, in [0, 1].</summary>
    SpikeRate,

    /// <summary>Synaptic operations per test sample (spikes × fan-out).</summary>
    SynapticOperations,
}
