using Neuromorph.Data;
using Neuromorph.Data.Events;

namespace Neuromorph.Data.Tests.Events;

public sealed class Cifar10DvsLayoutTests : IDisposable
{
    private readonly TempFolder folder = new();

    public Cifar10DvsLayoutTests()
    {
        // Ten recordings per class, each with one event whose timestamp encodes (class, file): 100·class + file.
        foreach (var (name, label) in Cifar10DvsLayout.ClassNames.Select((name, label) => (name, label)))
        {
            for (var i = 0; i < 10; i++)
                folder.Write($"{name}/cifar10_{name}_{i}.aedat", EventBytes.Aedat2((0, (uint)(100 * label + i))));
        }
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void List_SplitsEachClassNinetyTen_DisjointAndComplete()
    {
        var layout = new Cifar10DvsLayout();

        var train = layout.List(folder.Path, EventDatasetSplit.Train, 0);
        var test = layout.List(folder.Path, EventDatasetSplit.Test, 0);

        train.Should().HaveCount(90);
        test.Should().HaveCount(10);
        test.Select(r => (int)r.Labels.Single()).Should().Equal(Enumerable.Range(0, 10), "one test file per class, classes interleaved");
        train.Select(r => (int)r.Labels.Single()).Take(10).Should().Equal(Enumerable.Range(0, 10));
        train.Concat(test).Select(r => r.File).Should().OnlyHaveUniqueItems().And.HaveCount(100);
        foreach (var recording in train.Concat(test))
        {
            // The label comes from the folder the file is in, and the file's own event confirms it.
            var timestamp = recording.Read().Single().Timestamps.Single();
            (timestamp / 100).Should().Be(recording.Labels.Single());
            Path.GetFileName(Path.GetDirectoryName(recording.File)).Should().Be(Cifar10DvsLayout.ClassNames[recording.Labels.Single()]);
        }
    }

    [Fact]
    public void List_SameSeedSameSplit_OtherSeedAnother()
    {
        var layout = new Cifar10DvsLayout();

        var test = layout.List(folder.Path, EventDatasetSplit.Test, 7).Select(r => r.File).ToArray();

        layout.List(folder.Path, EventDatasetSplit.Test, 7).Select(r => r.File).Should().Equal(test);
        // Ten classes each pick 1 of 10 test files: another seed agreeing on all of them has probability 1e-10.
        layout.List(folder.Path, EventDatasetSplit.Test, 8).Select(r => r.File).Should().NotEqual(test);
    }

    [Fact]
    public void List_MissingClassFolder_NamesIt()
    {
        Directory.Delete(folder.Combine("frog"), recursive: true);

        var act = () => new Cifar10DvsLayout().List(folder.Path, EventDatasetSplit.Train, 0);

        act.Should().Throw<DataException>().WithMessage($"'{folder.Path}' lacks the class folders frog; it should hold one folder of .aedat recordings per class*");
    }
}
