using System.Reflection;
using Neuromorph.Abstractions;

namespace Neuromorph.Host.Plugins;

/// <summary>Creates plugin instances from their descriptors.</summary>
internal static class PluginActivator
{
    /// <summary>
    /// Creates the plugin <paramref name="descriptor"/> describes through its public constructor with the
    /// most parameters. The options record comes from <paramref name="bindOptions"/> (given the options
    /// type; the host passes its TOML binder), the context is <paramref name="context"/>, and a neuron
    /// model's surrogate is <paramref name="surrogate"/>. Exceptions thrown by the constructor, notably
    /// <see cref="PluginOptionsException"/>, propagate unwrapped.
    /// </summary>
    public static object Create(
        PluginDescriptor descriptor,
        Func<Type, object> bindOptions,
        PluginContext context,
        ISurrogateGradient? surrogate)
    {
        var constructor = PluginConstructor.Select(descriptor.ImplementationType).Constructor;
        var arguments = constructor.GetParameters()
            .Select(parameter => ArgumentFor(parameter.ParameterType, descriptor, bindOptions, context, surrogate))
            .ToArray();
        return constructor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
    }

    /// <summary>
    /// Like <see cref="Create"/>, typed as the contract interface <typeparamref name="T"/>, which must be
    /// the interface of the descriptor's kind.
    /// </summary>
    public static T Create<T>(
        PluginDescriptor descriptor,
        Func<Type, object> bindOptions,
        PluginContext context,
        ISurrogateGradient? surrogate)
        where T : class
    {
        var contract = PluginKinds.ContractOf(descriptor.Kind);
        if (typeof(T) != contract)
        {
            throw new ArgumentException(
                $"Plugin '{descriptor.Name}' is a {PluginKinds.Describe(descriptor.Kind)} ({contract.Name}), " +
                $"not a {typeof(T).Name}.",
                nameof(descriptor));
        }
        return (T)Create(descriptor, bindOptions, context, surrogate);
    }

    private static object ArgumentFor(
        Type parameterType,
        PluginDescriptor descriptor,
        Func<Type, object> bindOptions,
        PluginContext context,
        ISurrogateGradient? surrogate)
    {
        if (parameterType == typeof(PluginContext))
            return context;
        if (parameterType == typeof(ISurrogateGradient))
        {
            return surrogate ?? throw new PluginConfigurationException(
                $"Plugin '{descriptor.Name}' ({descriptor.AssemblyPath}) needs a surrogate gradient; " +
                "configure one for the neuron model.");
        }
        var options = bindOptions(parameterType);
        if (!parameterType.IsInstanceOfType(options))
        {
            throw new InvalidOperationException(
                $"The options binder returned {options?.GetType().Name ?? "null"} for plugin " +
                $"'{descriptor.Name}', which needs {parameterType.FullName}.");
        }
        return options;
    }
}
