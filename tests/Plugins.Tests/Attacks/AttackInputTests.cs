using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Attacks;

/// <summary>Batches an attack cannot perturb are rejected with an ArgumentException before any native op.</summary>
public sealed class AttackInputTests
{
    public static TheoryData<string, long[], long[], ScalarType, string> BadBatches => new()
    {
        { "one-dimensional inputs", [4], [4], ScalarType.Int64, "*at least 2 dimensions*got shape [4]*" },
        { "int32 labels", [2, 1, 2, 2], [2], ScalarType.Int32, "*1-D int64*Int32*" },
        { "two-dimensional labels", [2, 1, 2, 2], [2, 1], ScalarType.Int64, "*1-D int64*[2, 1]*" },
        { "batch sizes differ", [3, 1, 2, 2], [2], ScalarType.Int64, "*one entry per input*3*2*" },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public void Perturb_BadBatch_IsRejected(string problem, long[] inputShape, long[] labelShape, ScalarType labelType, string message)
    {
        using var scope = NewDisposeScope();
        var target = LinearTarget.Random(classes: 3, features: 4, seed: 1);
        var attack = AttackFactory.Create("pgd");

        var perturb = () => attack.Perturb(target, rand(inputShape), zeros(labelShape, labelType));

        perturb.Should().Throw<ArgumentException>(problem).WithMessage(message);
    }

    [Theory]
    [InlineData("fgsm", -1, "*≥ 0*got -1*")]
    [InlineData("cw", 3, "*[0, 3)*got label 3*")]
    [InlineData("apgd-ce", 7, "*[0, 3)*got label 7*")]
    public void Perturb_LabelOutsideTheClasses_IsRejected(string name, long label, string message)
    {
        using var scope = NewDisposeScope();
        var target = LinearTarget.Random(classes: 3, features: 4, seed: 1);

        var perturb = () => AttackFactory.Create(name).Perturb(target, rand(2, 1, 2, 2), tensor(new[] { 0, label }));

        perturb.Should().Throw<ArgumentException>().WithMessage(message);
    }
}
