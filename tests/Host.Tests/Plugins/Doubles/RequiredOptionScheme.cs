using Neuromorph.Abstractions;
using Neuromorph.Host.Tests.Configuration;
using TorchSharp;

namespace Neuromorph.Host.Tests.Plugins.Doubles;

/// <summary>A plugin author's mistake: the scheme's options record has a parameter without a default.</summary>
[Plugin("required-option")]
internal sealed class RequiredOptionScheme(RequiredParameterOptions options) : IDistillationScheme
{
    public DistillationTerm Compute(torch.Tensor timestepLogits, torch.Tensor? labels) =>
        new(torch.tensor(options.Count), new Dictionary<string, Diagnostic>());
}
