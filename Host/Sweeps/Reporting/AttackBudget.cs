using Neuromorph.Abstractions;

namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>An attack at one budget: its name, the norm of its perturbation and ε in that norm (e.g. pgd, L∞, 8/255).</summary>
internal sealed record AttackBudget(string Attack, PerturbationNorm Norm, double Epsilon);
