namespace AttackPlugin1;

/// <summary>
/// Options of the attack, bound by the host from the TOML table <c>[attack.signed-step-attack]</c>:
/// each parameter is one <c>snake_case</c> key, every parameter needs a default, and unknown keys are
/// rejected before the attack runs.
/// </summary>
/// <param name="Epsilon">ε, the L∞ budget in pixel units (inputs are in [0, 1]); 0 leaves inputs unchanged.</param>
/// <param name="Steps">How many signed-gradient steps of size 2.5·ε/steps to take.</param>
public sealed record SignedStepAttackOptions(double Epsilon = 8.0 / 255, int Steps = 10);
