namespace Neuromorph.Data.Events;

/// <summary>
/// Orders samples grouped by class as the first of every class, then the second of every class, and so on
/// (a class that runs out is skipped), so that every prefix of the order, such as the one
/// <c>data.train_limit</c> keeps, is as balanced as the classes allow.
/// </summary>
internal static class ClassInterleaving
{
    /// <summary>The items of <paramref name="perClass"/> (one list per class, in class order), interleaved.</summary>
    public static IReadOnlyList<T> Interleave<T>(IReadOnlyList<IReadOnlyList<T>> perClass)
    {
        var result = new List<T>(perClass.Sum(items => items.Count));
        var longest = perClass.Count == 0 ? 0 : perClass.Max(items => items.Count);
        for (var rank = 0; rank < longest; rank++)
        {
            foreach (var items in perClass)
            {
                if (rank < items.Count)
                    result.Add(items[rank]);
            }
        }
        return result;
    }
}
