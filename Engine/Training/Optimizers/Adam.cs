using TorchSharp.Modules;

namespace Neuromorph.Engine.Training.Optimizers;

/// <summary>
/// TorchSharp's Adam over one parameter group, able to follow a network whose parameters change. It is named
/// <c>Adam</c> on purpose: TorchSharp writes the optimizer's type name into saved state and checks it on load,
/// so checkpoints written with TorchSharp's own Adam load into this one and the other way round.
/// </summary>
internal sealed class Adam(IEnumerable<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
    : TorchSharp.Modules.Adam(parameters.ToArray(), learningRate, beta1, beta2, epsilon, weightDecay), IParameterFollowingOptimizer
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
        state => ((State)state).Dispose());
}
