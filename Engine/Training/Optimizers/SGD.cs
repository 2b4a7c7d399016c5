using TorchSharp.Modules;

namespace Neuromorph.Engine.Training.Optimizers;

/// <summary>
/// TorchSharp's SGD over one parameter group, able to follow a network whose parameters change. It is named
/// <c>SGD</c>, in TorchSharp's spelling, on purpose: TorchSharp writes the optimizer's type name into saved state
/// and checks it on load, so checkpoints written with TorchSharp's own SGD load into this one and the other way round.
/// </summary>
internal sealed class SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum, double weightDecay, bool nesterov)
    : TorchSharp.Modules.SGD(parameters.ToArray(), learningRate, momentum, 0, weightDecay, nesterov), IParameterFollowingOptimizer
{
    public void Follow(IReadOnlyList<Parameter> current) => ParameterFollowing.Apply(
        _parameter_groups,
        _state,
        current,
        added =>
        {
            var options = new Options();
            options.LoadStateDict(_parameter_groups[0].Options);
            return new ParamGroup(added, options);
        },
        add_param_group,
        state => ((State)state).momentum_buffer?.Dispose());
}
