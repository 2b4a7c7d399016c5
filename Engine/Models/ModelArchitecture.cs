using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;

namespace Neuromorph.Engine.Models;

/// <summary>One architecture the engine can build: its configuration name, what it is, and how to build it.</summary>
/// <param name="Name">The <c>model.name</c> that selects it.</param>
/// <param name="Description">One line: what it is and where it is published.</param>
/// <param name="DefaultWidth">
/// The base width (<see cref="ModelSpec.Width"/>) of the published architecture, used when the spec gives 0; 0 for an
/// architecture sized otherwise (<c>csnn</c>: <see cref="ModelSpec.Channels"/> and <see cref="ModelSpec.Hidden"/>).
/// </param>
/// <param name="Build">Builds the network from a spec whose width is resolved and whose input it accepts.</param>
/// <param name="InputProblem">Why it cannot take a <c>[C, H, W]</c> input, or null when it can.</param>
internal sealed record ModelArchitecture(
    string Name,
    string Description,
    int DefaultWidth,
    Func<ModelSpec, INeuronModel, SpikingNetwork> Build,
    Func<IReadOnlyList<long>, string?> InputProblem);
