namespace Neuromorph.Abstractions;

/// <summary>
/// What an attack's budget ε bounds (contract 1.2): a norm of each sample's perturbation δ = x_adv − x, taken over all
/// of the sample's input values in [0, 1]. Budgets of different norms are different quantities: the host sweeps,
/// prints and pools attacks into a worst case only within one norm.
/// </summary>
public enum PerturbationNorm
{
    /// <summary>
    /// ‖δ‖∞ ≤ ε: no input value moves by more than ε (8/255 is one grey level of 8-bit images times eight). The
    /// default: attacks built against contracts before 1.2 count as L∞.
    /// </summary>
    Linf = 0,

    /// <summary>‖δ‖₂ ≤ ε: the Euclidean length of a sample's whole perturbation is at most ε.</summary>
    L2 = 1,

    /// <summary>
    /// Anything else: a budget that bounds no norm of δ, such as the standard deviation of random noise, or a norm the
    /// host does not know. The host never pools such an attack with another one in a worst case.
    /// </summary>
    Other = 2,
}
