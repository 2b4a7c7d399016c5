using Neuromorph.Engine.Surrogates;

namespace Neuromorph.Engine.Tests.Surrogates;

public sealed class SurrogateGradientsFactoryTests
{
    [Fact]
    public void Names_ListsTheBuiltInSurrogates()
    {
        SurrogateGradients.Names.Should().Equal("rectangular", "atan", "sigmoid", "triangle", "fast-sigmoid");
    }

    [Theory]
    [InlineData("rectangular")]
    [InlineData("atan")]
    [InlineData("sigmoid")]
    [InlineData("triangle")]
    [InlineData("fast-sigmoid")]
    [InlineData("ATan")]
    [InlineData("Fast-Sigmoid")]
    public void Create_KnownName_ReturnsSurrogateWithThatName(string name)
    {
        SurrogateGradients.Create(name, 0).Name.Should().Be(name.ToLowerInvariant());
    }

    [Fact]
    public void Create_UnknownName_ThrowsListingKnownNames()
    {
        var create = () => SurrogateGradients.Create("relu", 1.0);

        create.Should().Throw<ArgumentException>()
            .WithMessage("*'relu'*")
            .Which.Message.Should().ContainAll("rectangular", "atan", "sigmoid", "triangle", "fast-sigmoid");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    public void Create_NonPositiveAlpha_UsesDefault(double alpha)
    {
        ((AtanSurrogate)SurrogateGradients.Create("atan", alpha)).Alpha.Should().Be(2.0);
        ((SigmoidSurrogate)SurrogateGradients.Create("sigmoid", alpha)).Alpha.Should().Be(4.0);
        ((RectangularSurrogate)SurrogateGradients.Create("rectangular", alpha)).Width.Should().Be(1.0);
        ((TriangleSurrogate)SurrogateGradients.Create("triangle", alpha)).Alpha.Should().Be(1.0);
        ((FastSigmoidSurrogate)SurrogateGradients.Create("fast-sigmoid", alpha)).Alpha.Should().Be(10.0);
    }

    [Fact]
    public void Create_PositiveAlpha_IsUsed()
    {
        ((AtanSurrogate)SurrogateGradients.Create("atan", 3.0)).Alpha.Should().Be(3.0);
        ((RectangularSurrogate)SurrogateGradients.Create("rectangular", 0.5)).Width.Should().Be(0.5);
        ((TriangleSurrogate)SurrogateGradients.Create("triangle", 2.5)).Alpha.Should().Be(2.5);
        ((FastSigmoidSurrogate)SurrogateGradients.Create("fast-sigmoid", 25.0)).Alpha.Should().Be(25.0);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Create_NonFiniteAlpha_Throws(double alpha)
    {
        var create = () => SurrogateGradients.Create("sigmoid", alpha);

        create.Should().Throw<ArgumentException>().WithMessage("*sigmoid*alpha*");
    }
}
