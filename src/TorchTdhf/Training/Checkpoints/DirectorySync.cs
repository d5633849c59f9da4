using System.Runtime.InteropServices;

namespace TorchTdhf.Training.Checkpoints;

/// <summary>
/// Flushes a folder's entries (new files, renames) to disk, so that after a power loss a renamed checkpoint is
/// either there or not, never a name without its content. .NET has no call for it; on Linux it is fsync on the
/// folder's descriptor. Elsewhere it does nothing (the renames are still atomic, just not yet durable).
/// </summary>
internal static partial class DirectorySync
{
    // O_RDONLY; a folder opened read-only can be fsync'ed on Linux.
    private const int ReadOnly = 0;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FileSync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);

    /// <summary>Flushes <paramref name="folder"/>'s entries; failures are ignored because the data itself is already flushed.</summary>
    public static void Flush(string folder)
    {
        if (!OperatingSystem.IsLinux()) return;
        var descriptor = Open(folder, ReadOnly);
        if (descriptor < 0) return;
        FileSync(descriptor);
        Close(descriptor);
    }
}
