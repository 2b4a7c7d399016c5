using TorchSharp.Modules;

namespace Neuromorph.Engine.Robustness;

/// <summary>
/// Turns off gradient tracking for a set of parameters until disposed, then restores each one's flag. While
/// an attack differentiates the loss with respect to its inputs, no weight gradient is computed or stored.
/// </summary>
internal sealed class FrozenParameters : IDisposable
{
    private readonly (Parameter Parameter, bool RequiredGrad)[] saved;

    public FrozenParameters(IEnumerable<Parameter> parameters)
    {
        saved = parameters.Select(p => (p, p.requires_grad)).ToArray();
        foreach (var (parameter, _) in saved) parameter.requires_grad = false;
    }

    public void Dispose()
    {
        foreach (var (parameter, requiredGrad) in saved) parameter.requires_grad = requiredGrad;
    }
}
