using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using StbImageSharp;

namespace Neuromorph.Data.ImageFolder;

/// <summary>
/// Reads an image file (JPEG or PNG; the format is recognised by its content, not its name) into a planar RGB square
/// with a managed decoder (StbImageSharp, a C# port of stb_image: no native code). Grey and RGBA images are converted
/// to RGB (alpha dropped). The large buffers are not allocated per image on the managed heap: the file's bytes go
/// into the worker's scratch, the decoded pixels into unmanaged memory freed at once; what remains per image is the
/// decoder's own tables (measured: about 40 KB for a 500×375 JPEG, 12 KB for a PNG), small against the budget an
/// iteration runs without collections (see <see cref="Training.CollectionPoint"/> and <see cref="BatchBufferPool"/>).
/// </summary>
internal static class ImageDecoder
{
    public const int Channels = 3;

    /// <summary>
    /// Decodes <paramref name="path"/> and writes its centred square resized to <paramref name="side"/>
    /// (see <see cref="SquareResampler"/>) into <paramref name="output"/> (3 × side × side bytes).
    /// </summary>
    /// <exception cref="DataException">The file cannot be read or is not a decodable JPEG or PNG image.</exception>
    public static unsafe void DecodeSquare(string path, int side, Span<byte> output, SampleScratch scratch)
    {
        var length = ReadFile(path, scratch, out var bytes);
        using var stream = new MemoryStream(bytes, 0, length, writable: false);
        int width, height, components;
        byte* pixels;
        try
        {
            pixels = StbImage.stbi__load_and_postprocess_8bit(
                new StbImage.stbi__context(stream), &width, &height, &components, (int)ColorComponents.RedGreenBlue);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A malformed file can make the port index past its buffers.
            throw Corrupt(path, length, e);
        }
        if (pixels is null)
            throw Corrupt(path, length, null);
        try
        {
            if (width <= 0 || height <= 0)
                throw Corrupt(path, length, null);
            SquareResampler.CropAndResize(
                new ReadOnlySpan<byte>(pixels, checked(width * height * Channels)), width, height, Channels, side, output, scratch);
        }
        finally
        {
            // The port allocates its result with Marshal.AllocHGlobal (its CRuntime.malloc, which is internal).
            Marshal.FreeHGlobal((IntPtr)pixels);
        }
    }

    private static int ReadFile(string path, SampleScratch scratch, out byte[] bytes)
    {
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var size = RandomAccess.GetLength(handle);
            if (size == 0)
                throw new DataException($"'{path}' is empty (0 bytes): not an image. Replace or remove the file.");
            if (size > Array.MaxLength)
                throw new DataException($"'{path}' is {size} bytes, too large for an image file.");
            bytes = scratch.File((int)size);
            var read = 0;
            while (read < size)
            {
                var n = RandomAccess.Read(handle, bytes.AsSpan(read, (int)size - read), read);
                if (n == 0)
                    throw new DataException($"'{path}' ended after {read} of its {size} bytes; it changed while being read.");
                read += n;
            }
            return read;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"'{path}' could not be read: {e.Message}", e);
        }
    }

    private static DataException Corrupt(string path, int length, Exception? inner)
    {
        var message = $"'{path}' ({length} bytes) could not be decoded: it is not a valid JPEG or PNG image "
            + "(corrupt, truncated or another format). Replace or remove the file.";
        return inner is null ? new DataException(message) : new DataException(message, inner);
    }
}
