namespace Neuromorph.Data.Events;

/// <summary>Reading event files whole, with failures reported as <see cref="DataException"/>s naming the file.</summary>
internal static class EventFiles
{
    /// <summary>The bytes of <paramref name="path"/>.</summary>
    /// <exception cref="DataException">The file is missing or cannot be read.</exception>
    public static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"'{path}' could not be read: {e.Message}", e);
        }
    }

    /// <summary>The lines of the text file <paramref name="path"/>.</summary>
    /// <exception cref="DataException">The file is missing or cannot be read.</exception>
    public static string[] ReadAllLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"'{path}' could not be read: {e.Message}", e);
        }
    }
}
