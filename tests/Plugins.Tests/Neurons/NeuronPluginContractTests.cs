using System.Reflection;
using System.Text.RegularExpressions;
using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Plugins.Neurons;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Neurons;

/// <summary>One suite run over every [Plugin] neuron model of the Neurons assembly, created as the host does.</summary>
public sealed partial class NeuronPluginContractTests
{
    private static readonly Type[] PluginTypes = typeof(LifNeuron).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<PluginAttribute>() is not null && typeof(INeuronModel).IsAssignableFrom(t))
        .OrderBy(t => t.Name)
        .ToArray();

    /// <summary>The learnable parameters each built-in neuron declares, by plugin name, stated here rather than read from the models.</summary>
    private static readonly Dictionary<string, string[]> DeclaredParameters = new()
    {
        ["alif"] = [],
        ["clif"] = [],
        ["if"] = [],
        ["lif"] = [],
        ["plif"] = ["w"],
    };

    public static TheoryData<string> PluginNames() => new(PluginTypes.Select(t => t.GetCustomAttribute<PluginAttribute>()!.Name));

    [Fact]
    public void Assembly_HasTheBuiltInNeurons()
    {
        PluginTypes.Select(t => t.GetCustomAttribute<PluginAttribute>()!.Name).Should().BeEquivalentTo("lif", "if", "plif", "clif", "alif");
        DeclaredParameters.Keys.Should().BeEquivalentTo(PluginTypes.Select(t => t.GetCustomAttribute<PluginAttribute>()!.Name), "every plugin states its parameters");
    }

    [Theory]
    [MemberData(nameof(PluginNames))]
    public void Plugin_IsInternalSealedWithValidNameAndDescription(string name)
    {
        var type = TypeOf(name);
        type.IsSealed.Should().BeTrue();
        type.IsPublic.Should().BeFalse();
        PluginName().IsMatch(name).Should().BeTrue();
        type.GetCustomAttribute<PluginAttribute>()!.Description.Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(PluginNames))]
    public void CreateState_IsZeroMembraneShapedLikeInput(string name)
    {
        using var scope = NewDisposeScope();
        var state = Create(name).CreateState(ones(3, 4, 5));

        state.Membrane.shape.Should().Equal(3L, 4L, 5L);
        state.Membrane.abs().sum().item<float>().Should().Be(0f);
    }

    [Theory]
    [MemberData(nameof(PluginNames))]
    public void CreateState_EveryVariableIsZeroAndShapedLikeInputAndCarriedByStep(string name)
    {
        using var scope = NewDisposeScope();
        var neuron = Create(name);
        var inputs = RandomInputs(2, 3, 4);
        var state = neuron.CreateState(inputs[0]);

        state.Variables.Should().ContainKey(NeuronState.MembraneKey);
        foreach (var (key, variable) in state.Variables)
        {
            variable.shape.Should().Equal([3L, 4L], "state variable '{0}' is shaped like one timestep", key);
            variable.abs().sum().item<float>().Should().Be(0f, "state variable '{0}' starts at zero", key);
        }
        var next = neuron.Step(inputs[0], state).State;
        next.Variables.Keys.Should().BeEquivalentTo(state.Variables.Keys, "a step returns the same variables it received");
        next.Variables.Values.Should().AllSatisfy(v => v.shape.Should().Equal(3L, 4L));
    }

    [Theory]
    [MemberData(nameof(PluginNames))]
    public void Run_EqualsSteppingAndGivesBinarySpikes(string name)
    {
        using var scope = NewDisposeScope();
        var neuron = Create(name);
        var inputs = RandomInputs(5, 4, 3);

        var run = neuron.Run(inputs);

        var state = neuron.CreateState(inputs[0]);
        for (var t = 0; t < 5; t++)
        {
            var step = neuron.Step(inputs[t], state);
            step.Spikes.shape.Should().Equal(4L, 3L);
            step.State.Membrane.shape.Should().Equal(4L, 3L);
            run[t].eq(step.Spikes).all().item<bool>().Should().BeTrue("timestep {0} of Run equals Step", t);
            state = step.State;
        }
        run.shape.Should().Equal(5L, 4L, 3L);
        run.eq(0).logical_or(run.eq(1)).all().item<bool>().Should().BeTrue();
        run.sum().item<float>().Should().BeGreaterThan(0f);
    }

    [Theory]
    [MemberData(nameof(PluginNames))]
    public void Run_GradientReachesTheInputs(string name)
    {
        using var scope = NewDisposeScope();
        var inputs = RandomInputs(4, 6).requires_grad_(true);

        Create(name).Run(inputs).sum().backward();

        inputs.grad.Should().NotBeNull();
        inputs.grad!.abs().sum().item<float>().Should().BeGreaterThan(0f);
    }

    [Theory]
    [MemberData(nameof(PluginNames))]
    public void Parameters_AreValidDeclarationsAndTheirInitialValuesGiveRun(string name)
    {
        using var scope = NewDisposeScope();
        var neuron = Create(name);
        var declarations = NeuronParameterDeclarations.Read(neuron);
        var inputs = RandomInputs(5, 4, 3);

        var withParameters = neuron.Run(inputs, NeuronParameters.Initial(declarations));

        withParameters.eq(neuron.Run(inputs)).all().item<bool>().Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(PluginNames))]
    public void Run_GradientReachesEveryDeclaredParameter(string name)
    {
        using var scope = NewDisposeScope();
        var neuron = Create(name);
        var declarations = NeuronParameterDeclarations.Read(neuron);
        var tensors = declarations.ToDictionary(d => d.Name, d => tensor((float)d.InitialValue).requires_grad_(true));

        // The inputs take part too, so that a model without parameters still has a graph to run backward through.
        var inputs = RandomInputs(6, 4, 3).requires_grad_(true);

        neuron.Run(inputs, new NeuronParameters(tensors.ToDictionary(p => p.Key, p => p.Value))).sum().backward();

        // The declared names first: they fix how often the loop below runs, and a model without parameters says so.
        tensors.Keys.Should().BeEquivalentTo(DeclaredParameters[name], "'{0}' declares exactly these parameters", name);
        inputs.grad!.abs().sum().item<float>().Should().BeGreaterThan(0f, "the inputs receive a gradient through Run with parameters");
        foreach (var (parameter, value) in tensors)
        {
            value.grad.Should().NotBeNull("parameter '{0}' takes part in the run", parameter);
            value.grad!.abs().item<float>().Should().BeGreaterThan(0f, "parameter '{0}' receives a gradient", parameter);
        }
    }

    private static Type TypeOf(string name) => PluginTypes.Single(t => t.GetCustomAttribute<PluginAttribute>()!.Name == name);

    /// <summary>Builds the plugin the way the host does: the public constructor with most parameters, default options.</summary>
    private static INeuronModel Create(string name)
    {
        var constructor = TypeOf(name).GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => p.ParameterType == typeof(ISurrogateGradient)
            ? SurrogateGradients.Create("atan", 0)
            : DefaultOptions(p.ParameterType)).ToArray();
        return (INeuronModel)constructor.Invoke(arguments);
    }

    private static object DefaultOptions(Type optionsType)
    {
        var constructor = optionsType.GetConstructors().Single(c => c.GetParameters().Length > 0);
        constructor.GetParameters().Should().OnlyContain(p => p.HasDefaultValue, "options records need defaults for every key");
        return constructor.Invoke(constructor.GetParameters().Select(p => p.DefaultValue).ToArray());
    }

    private static Tensor RandomInputs(params long[] shape)
    {
        var random = new Random(11);
        var count = (int)shape.Aggregate(1L, (a, b) => a * b);
        return tensor(Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2.5 - 0.5)).ToArray()).reshape(shape);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PluginName();
}
