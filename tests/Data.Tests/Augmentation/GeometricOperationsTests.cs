using Neuromorph.Data.Augmentation;

namespace Neuromorph.Data.Tests.Augmentation;

/// <summary>
/// Geometry on a 3x3 image holding 1..9 row by row, against outputs worked out by hand from the maps
/// (output pixel (x, y) reads input (⌊a·X + b·Y + c⌋, ⌊d·X + e·Y + f⌋) with X = x + ½, Y = y + ½).
/// </summary>
public sealed class GeometricOperationsTests
{
    private static readonly ImageShape Square = new(1, 3, 3);

    private static byte[] Digits() => [1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Fact]
    public void Shift_MovesTheContentAndFillsWhatIsUncovered()
    {
        var image = Digits();

        // Output (x, y) = input (x + 1, y − 1): a crop of the image padded by 1, with its corner at (2, 0).
        GeometricOperations.Shift(image, Square, dx: 1, dy: -1, fill: 0);

        image.Should().Equal(0, 0, 0, 2, 3, 0, 5, 6, 0);
    }

    [Fact]
    public void Shift_TheOtherWay_ReadsRowsBeforeOverwritingThem()
    {
        var image = Digits();

        GeometricOperations.Shift(image, Square, dx: -2, dy: 1, fill: 9);

        image.Should().Equal(9, 9, 4, 9, 9, 7, 9, 9, 9);
    }

    [Fact]
    public void FlipHorizontal_MirrorsEveryRowOfEveryChannel()
    {
        byte[] image = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

        GeometricOperations.FlipHorizontal(image, new ImageShape(2, 2, 3));

        image.Should().Equal(3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10);
    }

    [Fact]
    public void ShearX_SlidesLowerRows()
    {
        var image = Digits();

        // Input x = ⌊x + ½ + 0.5·(y + ½)⌋: row 0 reads x, rows 1 and 2 read x + 1.
        GeometricOperations.ShearX(image, Square, 0.5, fill: 0, new byte[9]);

        image.Should().Equal(1, 2, 3, 5, 6, 0, 8, 9, 0);
    }

    [Fact]
    public void ShearY_SlidesRightColumns()
    {
        var image = Digits();

        // Input y = ⌊0.5·(x + ½) + y + ½⌋: column 0 reads y, columns 1 and 2 read y + 1.
        GeometricOperations.ShearY(image, Square, 0.5, fill: 0, new byte[9]);

        image.Should().Equal(1, 5, 6, 4, 8, 9, 7, 0, 0);
    }

    [Fact]
    public void Translate_MovesByWholePixels()
    {
        var left = Digits();
        var down = Digits();

        GeometricOperations.TranslateX(left, Square, 1, fill: 0, new byte[9]);   // input x = x + 1
        GeometricOperations.TranslateY(down, Square, -1, fill: 0, new byte[9]);  // input y = y − 1

        left.Should().Equal(2, 3, 0, 5, 6, 0, 8, 9, 0);
        down.Should().Equal(0, 0, 0, 1, 2, 3, 4, 5, 6);
    }

    [Fact]
    public void Rotate_90Degrees_TurnsCounterClockwise()
    {
        var image = Digits();

        // θ = 90°, centre (1.5, 1.5): input = (1.5 − (Y − 1.5), X) = (3 − Y, X), so output (x, y) = input (2 − y, x).
        GeometricOperations.Rotate(image, Square, 90, fill: 0, new byte[9]);

        image.Should().Equal(3, 6, 9, 2, 5, 8, 1, 4, 7);
    }

    [Fact]
    public void Rotate_ZeroDegrees_IsTheIdentity()
    {
        var image = Digits();

        GeometricOperations.Rotate(image, Square, 0, fill: 0, new byte[9]);

        image.Should().Equal(Digits());
    }

    [Fact]
    public void Cutout_ZeroesOneSquareOfTheSideInEveryChannel()
    {
        var shape = new ImageShape(2, 6, 6);
        var image = Enumerable.Repeat((byte)255, shape.Size).ToArray();

        Cutout.Apply(image, shape, centreY: 3, centreX: 2, side: 4);

        // Rows 3 − 2 .. 3 + 1 and columns 0 .. 3 in both channels: 2 × 16 zeros.
        for (var c = 0; c < 2; c++)
            for (var y = 0; y < 6; y++)
                for (var x = 0; x < 6; x++)
                    image[(c * 36) + (y * 6) + x].Should().Be(y is >= 1 and <= 4 && x is >= 0 and <= 3 ? (byte)0 : (byte)255, $"({c}, {y}, {x})");
    }

    [Fact]
    public void Cutout_AtTheCorner_IsClippedToTheImage()
    {
        var shape = new ImageShape(1, 6, 6);
        var image = Enumerable.Repeat((byte)255, shape.Size).ToArray();

        Cutout.Apply(image, shape, centreY: 0, centreX: 5, side: 4);

        // Rows −2 .. 1 and columns 3 .. 6 clipped to rows 0-1 and columns 3-5.
        image.Count(value => value == 0).Should().Be(6);
        new[] { image[3], image[4], image[5], image[9], image[10], image[11] }.Should().OnlyContain(value => value == 0);
    }

    [Fact]
    public void Cutout_OddSide_CoversThatManyRowsAndColumns()
    {
        var shape = new ImageShape(1, 7, 7);
        var image = Enumerable.Repeat((byte)1, shape.Size).ToArray();

        Cutout.Apply(image, shape, centreY: 3, centreX: 3, side: 3);

        image.Count(value => value == 0).Should().Be(9);
        image[(2 * 7) + 2].Should().Be(0);
        image[(4 * 7) + 4].Should().Be(0);
        image[(5 * 7) + 5].Should().Be(1);
    }
}
