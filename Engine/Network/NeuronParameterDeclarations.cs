using System.Globalization;
using System.Text.RegularExpressions;
using Neuromorph.Abstractions;

namespace Neuromorph.Engine.Network;

/// <summary>Reads and checks the parameters a neuron model declares, before any layer changes.</summary>
internal static partial class NeuronParameterDeclarations
{
    /// <summary>
    /// A snapshot of <see cref="INeuronModel.Parameters"/>; throws <see cref="ArgumentException"/> naming the
    /// model when a name is invalid or repeated, a shape unknown, or an initial value not finite.
    /// </summary>
    public static NeuronParameter[] Read(INeuronModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var declarations = (model.Parameters ?? []).ToArray();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declaration in declarations)
        {
            if (declaration is null)
                throw Invalid(model, "declares a null parameter");
            if (declaration.Name is null || !ValidName().IsMatch(declaration.Name))
                throw Invalid(model, $"declares a parameter named '{declaration.Name}'; a name is a letter or '_' followed by letters, digits or '_'");
            if (!names.Add(declaration.Name))
                throw Invalid(model, $"declares the parameter '{declaration.Name}' twice");
            if (!Enum.IsDefined(declaration.Shape))
                throw Invalid(model, $"declares the parameter '{declaration.Name}' with the unknown shape {declaration.Shape}");
            if (!double.IsFinite(declaration.InitialValue))
                throw Invalid(model, $"declares the parameter '{declaration.Name}' with the initial value {declaration.InitialValue.ToString(CultureInfo.InvariantCulture)}; it must be finite");
        }
        return declarations;
    }

    private static ArgumentException Invalid(INeuronModel model, string problem) =>
        new($"The neuron model {model.GetType().FullName} {problem}.", nameof(model));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ValidName();
}
