namespace Neuromorph.Engine.Models;

/// <summary>The input sizes an architecture's pooling and striding can take, as messages for the user.</summary>
internal static class InputRequirements
{
    /// <summary>
    /// Null when every side of <paramref name="input"/> (<c>[C, H, W]</c>) survives <paramref name="halvings"/>
    /// poolings of size 2 (each rounds down, so a side needs at least 2^halvings pixels); otherwise why not.
    /// </summary>
    public static string? SurvivesHalvings(string model, IReadOnlyList<long> input, int halvings, string pooling)
    {
        var minimum = 1L << halvings;
        return input[1] >= minimum && input[2] >= minimum
            ? null
            : $"model '{model}' halves its input {halvings} times ({pooling}), so it needs images of at least "
              + $"{minimum}x{minimum}, but the input is {Describe(input)}";
    }

    /// <summary>Null when both sides of <paramref name="input"/> are multiples of <paramref name="divisor"/>; otherwise why not.</summary>
    public static string? DivisibleBy(string model, IReadOnlyList<long> input, int divisor) =>
        input[1] % divisor == 0 && input[2] % divisor == 0
            ? null
            : $"model '{model}' needs an input height and width divisible by {divisor}, but the input is {Describe(input)}";

    /// <summary><c>CxHxW</c>, e.g. <c>1x28x28</c>.</summary>
    public static string Describe(IReadOnlyList<long> input) => string.Join("x", input);
}
