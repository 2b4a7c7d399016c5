using Neuromorph.Data;
using Neuromorph.Data.Events;

namespace Neuromorph.Data.Tests.Events;

public sealed class NMnistLayoutTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void List_InterleavesClassesAndOrdersFilesByName()
    {
        folder.Write("Train/0/00002.bin", EventBytes.NMnist((1, 1, true, 1)));
        folder.Write("Train/0/00010.bin", EventBytes.NMnist((2, 2, true, 2)));
        folder.Write("Train/0/00001.bin", EventBytes.NMnist((3, 3, true, 3)));
        folder.Write("Train/2/00005.bin", EventBytes.NMnist((4, 4, true, 4)));
        folder.Write("Train/notes/readme.bin", EventBytes.NMnist((5, 5, true, 5)));
        folder.Write("Test/9/00001.bin", EventBytes.NMnist((6, 6, false, 6)));
        var layout = new NMnistLayout(34, 34, 10);

        var train = layout.List(folder.Path, EventDatasetSplit.Train, 0);

        // Class 0 in name order (00001, 00002, 00010) interleaved with class 2's single file.
        train.Select(r => (Path.GetFileName(r.File), (int)r.Labels.Single())).Should().Equal(
            ("00001.bin", 0), ("00005.bin", 2), ("00002.bin", 0), ("00010.bin", 0));
        train[1].Read().Single().Tuples().Should().Equal((4, 4, true, 4L));
        layout.List(folder.Path, EventDatasetSplit.Test, 0).Should().ContainSingle().Which.Labels.Should().Equal(9);
    }

    [Fact]
    public void List_WithoutTheSplitFolder_SaysWhatTheFolderShouldHold()
    {
        folder.Write("Train/0/00001.bin", []);

        var act = () => new NMnistLayout(34, 34, 10).List(folder.Path, EventDatasetSplit.Test, 0);

        act.Should().Throw<DataException>().WithMessage($"'{folder.Path}' has no Test folder; it should hold Train/<label>/<id>.bin and Test/<label>/<id>.bin*");
    }

    [Fact]
    public void List_NoEventFiles_IsAnError()
    {
        Directory.CreateDirectory(folder.Combine("Train", "3"));

        var act = () => new NMnistLayout(34, 34, 10).List(folder.Path, EventDatasetSplit.Train, 0);

        act.Should().Throw<DataException>().WithMessage($"'{folder.Combine("Train")}' holds no .bin files in class folders 0 to 9*");
    }

    [Fact]
    public void ClassInterleaving_TakesOneOfEachClassInTurn()
    {
        IReadOnlyList<IReadOnlyList<string>> perClass = [["a1", "a2", "a3"], [], ["c1"], ["d1", "d2"]];

        ClassInterleaving.Interleave(perClass).Should().Equal("a1", "c1", "d1", "a2", "d2", "a3");
    }
}
