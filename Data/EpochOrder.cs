namespace Neuromorph.Data;

/// <summary>
/// The order in which an epoch visits a dataset: a pure function of (seed, epoch). The permutation is a
/// Fisher-Yates shuffle (for i = n-1 down to 1, swap i with j = NextBelow(i + 1)) driven by a
/// <see cref="SplitMix64"/> whose initial state is <c>Mix(seed) XOR Mix(epoch + 1)</c> (unchecked
/// 64-bit arithmetic), so epochs of one seed and equal epochs of different seeds get unrelated orders.
/// </summary>
internal static class EpochOrder
{
    /// <summary>The indices 0..count-1 in the order epoch <paramref name="epoch"/> visits them.</summary>
    public static int[] Shuffled(int count, long seed, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        var order = Sequential(count);
        var random = new SplitMix64(SplitMix64.Mix(unchecked((ulong)seed)) ^ SplitMix64.Mix((ulong)epoch + 1));
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)random.NextBelow((ulong)i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>The indices 0..count-1 in file order.</summary>
    public static int[] Sequential(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = new int[count];
        for (var i = 0; i < count; i++)
            order[i] = i;
        return order;
    }
}
