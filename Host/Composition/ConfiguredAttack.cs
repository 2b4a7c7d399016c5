using Neuromorph.Engine.Robustness;
using Tomlyn.Model;

namespace Neuromorph.Host.Composition;

/// <summary>An attack ready to run, with what a report records about it.</summary>
/// <param name="Run">The attack instance with its ε and attack-time surrogate.</param>
/// <param name="Options">Its options as bound, every default filled in.</param>
/// <param name="Surrogate">The surrogate gradient used while attacking, described for people.</param>
internal sealed record ConfiguredAttack(AttackRun Run, TomlTable Options, string Surrogate);
