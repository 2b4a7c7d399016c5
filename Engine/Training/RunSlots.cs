using Neuromorph.Abstractions;
using Neuromorph.Engine.Robustness;
using Neuromorph.Engine.Surrogates;

namespace Neuromorph.Engine.Training;

/// <summary>
/// What may change while a run goes on, in one place: the neuron model, the distillation scheme, the attack that makes
/// adversarial training examples, the surrogate gradient and the base learning rate. The engine reads them here at
/// every use: the neuron layers through <see cref="NeuronModel"/>, the training step for the scheme, the attack and the
/// rate. Whatever changes them mid-run (hot reload of plugins and of <c>config.toml</c>) writes only here, between two
/// iterations; the training loop then makes the network's parameters follow a neuron model that declares other ones.
/// </summary>
internal sealed class RunSlots
{
    private INeuronModel neuron;
    private IDistillationScheme scheme;
    private AttackRun? attack;

    public RunSlots(INeuronModel neuron, IDistillationScheme scheme, AttackRun? attack, AdjustableSurrogate surrogate, double baseLearningRate)
    {
        this.neuron = neuron ?? throw new ArgumentNullException(nameof(neuron));
        this.scheme = scheme ?? throw new ArgumentNullException(nameof(scheme));
        this.attack = attack;
        Surrogate = surrogate;
        BaseLearningRate = baseLearningRate;
        NeuronModel = new SlotNeuronModel(this);
    }

    /// <summary>The neuron model in force. The network's layers hold <see cref="NeuronModel"/>, which calls it.</summary>
    public INeuronModel Neuron
    {
        get => neuron;
        set => neuron = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>What the neuron layers are built with: a model that calls <see cref="Neuron"/>, whichever it is now.</summary>
    public INeuronModel NeuronModel { get; }

    /// <summary>The distillation scheme in force (<see cref="NoDistillation"/> for plain cross-entropy).</summary>
    public IDistillationScheme Scheme
    {
        get => scheme;
        set => scheme = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// The attack that makes adversarial training examples, or null when the run trains on clean data. A run trains
    /// adversarially or not from start to end: a slot that holds an attack takes only another one.
    /// </summary>
    public AttackRun? Attack
    {
        get => attack;
        set
        {
            if ((value is null) != (attack is null))
                throw new InvalidOperationException("Adversarial training cannot be switched on or off during a run.");
            attack = value;
        }
    }

    /// <summary>The surrogate gradient the neurons differentiate spikes with; attacks switch it while they run.</summary>
    public AdjustableSurrogate Surrogate { get; }

    /// <summary>The learning rate the schedule starts from (<c>optimizer.lr</c>); the schedule's position is the clock's.</summary>
    public double BaseLearningRate { get; set; }

    /// <summary>The neuron model the layers hold: every call goes to the model in force.</summary>
    private sealed class SlotNeuronModel(RunSlots slots) : INeuronModel
    {
        public IReadOnlyList<NeuronParameter> Parameters => slots.Neuron.Parameters;

        public NeuronState CreateState(TorchSharp.torch.Tensor input) => slots.Neuron.CreateState(input);

        public NeuronStep Step(TorchSharp.torch.Tensor input, NeuronState state) => slots.Neuron.Step(input, state);

        public TorchSharp.torch.Tensor Run(TorchSharp.torch.Tensor inputs) => slots.Neuron.Run(inputs);

        public NeuronStep Step(TorchSharp.torch.Tensor input, NeuronState state, NeuronParameters parameters) =>
            slots.Neuron.Step(input, state, parameters);

        public TorchSharp.torch.Tensor Run(TorchSharp.torch.Tensor inputs, NeuronParameters parameters) =>
            slots.Neuron.Run(inputs, parameters);

        public override string ToString() => slots.Neuron.ToString() ?? nameof(INeuronModel);
    }
}
