using System.Text;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Tests.Network;
using Neuromorph.Engine.Training;
using TorchSharp.Modules;

namespace Neuromorph.Engine.Tests.Training;

/// <summary>
/// Format 2 on a tiny csnn (T = 2) with Adam state: every damage to the file and every run it does not belong to
/// is refused with a <see cref="CheckpointException"/> naming the file, and before anything is loaded.
/// </summary>
public sealed class CheckpointFileTests : IDisposable
{
    private static readonly CheckpointExpectation Csnn = new("csnn", 2);

    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-ckpt-file-").FullName;
    private readonly SpikingNetwork written = ParameterizedNetworks.Csnn(new ThresholdNeuron());
    private readonly OptimizerHelper writtenOptimizer;
    private readonly string path;

    // What each test reads into: another initialisation of the same network, with its own optimizer.
    private readonly SpikingNetwork target = ParameterizedNetworks.Csnn(new ThresholdNeuron(), seed: 42);
    private readonly OptimizerHelper optimizer;

    public CheckpointFileTests()
    {
        writtenOptimizer = Adam(written);
        ParameterizedNetworks.TrainStep(written, writtenOptimizer);
        path = Path.Combine(root, "last.ckpt");
        CheckpointFile.Write(path, Header(), written, writtenOptimizer);
        optimizer = Adam(target);
    }

    public void Dispose()
    {
        optimizer.Dispose();
        target.Dispose();
        writtenOptimizer.Dispose();
        written.Dispose();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Read_WhatWriteWrote_LoadsTheWeights()
    {

        var header = CheckpointFile.Read(path, Csnn, target, optimizer);

        header.FormatVersion.Should().Be(2);
        header.StateShapes!.Select(s => s.Name).Should().Equal(written.state_dict().Keys);
        ParameterizedNetworks.Values(target).Should().BeEquivalentTo(ParameterizedNetworks.Values(written));
    }

    [Fact]
    public void Read_AnyOneBitFlipped_IsRefusedBeforeAnythingLoads()
    {
        var length = new FileInfo(path).Length;
        var before = ParameterizedNetworks.Values(target);

        var accepted = new List<long>();
        var unnamed = new List<string>();
        for (var i = 0L; i < length; i++)
        {
            var bit = (byte)(1 << (int)(i % 8));
            FlipBit(i, bit);
            try
            {
                CheckpointFile.Read(path, Csnn, target, optimizer);
                accepted.Add(i);
            }
            catch (CheckpointException e) when (!e.Message.Contains(path))
            {
                unnamed.Add(e.Message);
            }
            catch (CheckpointException)
            {
            }
            FlipBit(i, bit);
        }

        accepted.Should().BeEmpty("a flipped bit anywhere in the {0} bytes must be noticed", length);
        unnamed.Should().BeEmpty("every message names the file");
        ParameterizedNetworks.Values(target).Should().BeEquivalentTo(before, "nothing is loaded from a file that fails verification");
        CheckpointFile.Read(path, Csnn, target, optimizer);
        ParameterizedNetworks.Values(target).Should().BeEquivalentTo(ParameterizedNetworks.Values(written), "the file is whole again");
    }

    [Fact]
    public void Read_CutAnywhere_IsRefusedNamingThePartItEndsIn()
    {
        var length = new FileInfo(path).Length;
        // The parts' sizes, measured apart from the file format: the state as TorchSharp saves it, the flag and the optimizer state.
        var weights = SavedLength(writer => written.save(writer));
        var optimizerPart = 1 + SavedLength(writer => writtenOptimizer.save_state_dict(writer));
        var weightsStart = length - weights - optimizerPart;

        var wrong = new List<string>();
        for (var cut = length - 1; cut >= 0; cut--)
        {
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Write)) file.SetLength(cut);
            var expected = $"Checkpoint '{path}' " + (cut == 0 ? "is empty."
                : cut < weightsStart ? $"is cut short: it ends inside its header at byte {cut:N0}."
                : cut < length - optimizerPart ? $"is cut short: it ends inside the weights at byte {cut:N0} of {length:N0} (an interrupted copy?)."
                : $"is cut short: it ends inside the optimizer state at byte {cut:N0} of {length:N0} (an interrupted copy?).");
            try
            {
                CheckpointFile.Read(path, Csnn, target, optimizer);
                wrong.Add($"{cut}: accepted");
            }
            catch (CheckpointException e) when (e.Message != expected)
            {
                wrong.Add($"{cut}: {e.Message}");
            }
            catch (CheckpointException)
            {
            }
        }

        wrong.Should().BeEmpty();
    }

    [Fact]
    public void Read_BytesAppended_IsRefused()
    {
        var length = new FileInfo(path).Length;
        File.AppendAllText(path, "\n");

        var read = () => CheckpointFile.Read(path, Csnn, target, optimizer: null);

        read.Should().Throw<CheckpointException>().WithMessage($"Checkpoint '{path}' is corrupt: it has 1 bytes after its end at byte {length:N0}*");
    }

    [Theory]
    [InlineData("vgg11", 2, "is for model 'csnn', this run's model is 'vgg11'.")]
    [InlineData("csnn", 4, "is for T = 2, this run has T = 4.")]
    public void Read_CheckpointOfAnotherModelOrT_IsRefusedNamingBoth(string model, int timesteps, string expected)
    {
        var before = ParameterizedNetworks.Values(target);

        var read = () => CheckpointFile.Read(path, new CheckpointExpectation(model, timesteps), target, optimizer);

        read.Should().Throw<CheckpointException>().Which.Message.Should().Be($"Checkpoint '{path}' {expected}");
        ParameterizedNetworks.Values(target).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void Read_IntoANetworkOfOtherShapes_NamesTheFirstDifferingEntry()
    {
        using var wider = Models.ModelCatalog.Build(ParameterizedNetworks.Spec with { Hidden = 6 }, new ThresholdNeuron());
        using var learnable = ParameterizedNetworks.Csnn(new LearnableNeuron(LearnableNeuron.ScalarTau(3)));

        var intoWider = () => CheckpointFile.Read(path, Csnn, wider, optimizer: null);
        var intoLearnable = () => CheckpointFile.Read(path, Csnn, learnable, optimizer: null);

        intoWider.Should().Throw<CheckpointException>().Which.Message.Should().Be(
            $"Checkpoint '{path}' does not fit this run's model 'csnn': 'body.fc1.weight' is [5, 16] in the checkpoint, [6, 16] in this run's model.");
        intoLearnable.Should().Throw<CheckpointException>().Which.Message.Should().Be(
            $"Checkpoint '{path}' does not fit this run's model 'csnn': this run's model has 'body.spike1.tau_logit' [], which the checkpoint lacks.");
    }

    [Fact]
    public void Read_NoOptimizerStateButOneIsAsked_IsRefused_AndLoadsForEvaluation()
    {
        var weightsOnly = Path.Combine(root, "weights-only.ckpt");
        CheckpointFile.Write(weightsOnly, Header(), written, optimizer: null);

        var resume = () => CheckpointFile.Read(weightsOnly, Csnn, target, optimizer);
        CheckpointFile.Read(weightsOnly, Csnn, target, optimizer: null);

        resume.Should().Throw<CheckpointException>().Which.Message.Should().Be($"Checkpoint '{weightsOnly}' holds no optimizer state, which resuming needs.");
        ParameterizedNetworks.Values(target).Should().BeEquivalentTo(ParameterizedNetworks.Values(written));
    }

    [Fact]
    public void Read_FormatNewerThanThisNeuromorph_IsRefusedByItsNumber()
    {
        var bytes = File.ReadAllBytes(path);
        var version = Encoding.UTF8.GetBytes("\"FormatVersion\":2");
        var at = bytes.AsSpan().IndexOf(version);
        bytes[at + version.Length - 1] = (byte)'3';
        File.WriteAllBytes(path, bytes);

        var read = () => CheckpointFile.Read(path, Csnn, target, optimizer: null);

        read.Should().Throw<CheckpointException>().Which.Message.Should().Be($"Checkpoint '{path}' has format 3; this Neuromorph reads formats 1 to 2.");
    }

    [Fact]
    public void Read_DirectoryOrNothingAtThePath_SaysWhich()
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, "best.ckpt")).FullName;
        var missing = Path.Combine(root, "none.ckpt");

        var fromDirectory = () => CheckpointFile.Read(directory, Csnn, target, optimizer: null);
        var fromNothing = () => CheckpointFile.Read(missing, Csnn, target, optimizer: null);

        fromDirectory.Should().Throw<CheckpointException>().Which.Message.Should().Be($"Checkpoint '{directory}' is a directory, not a checkpoint file.");
        fromNothing.Should().Throw<CheckpointException>().Which.Message.Should().Be($"Checkpoint '{missing}' does not exist.");
    }

    private static OptimizerHelper Adam(SpikingNetwork network) =>
        OptimizerFactory.Create(new OptimizerSettings("adam", 0.05, WeightDecay: 0), network.parameters());

    private void FlipBit(long position, byte bit)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = position;
        var value = (byte)file.ReadByte();
        file.Position = position;
        file.WriteByte((byte)(value ^ bit));
    }

    private static long SavedLength(Action<BinaryWriter> save)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true)) save(writer);
        return stream.Length;
    }

    private static CheckpointHeader Header() => new(CheckpointHeader.CurrentFormat, "csnn", 2, 0, 1, 1, 0, 0, 0, new EpochAccumulator());
}
