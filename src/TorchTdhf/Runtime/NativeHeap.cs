using System.Runtime.InteropServices;

namespace TorchTdhf.Runtime;

/// <summary>
/// How glibc serves the large blocks libtorch allocates. By default every block above 32 MiB is a fresh mmap whose pages
/// are faulted in on first touch and unmapped on free; a training process allocates and frees such blocks every
/// iteration (the range-space vectors: S·N² reals, 270 MB at S = 40 000, N = 29), and the page faults then cost about
/// a tenth of an iteration and make its time erratic.
/// </summary>
public static class NativeHeap
{
    // mallopt parameters of glibc's malloc.h.
    private const int TrimThreshold = -1;
    private const int MmapMax = -4;

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallocOption(int parameter, int value);

    /// <summary>
    /// Serves every block from the heap, whose freed space is reused, and keeps freed space instead of returning it to
    /// the system: the process's resident size stays at its peak. For processes that repeat allocations of the same
    /// sizes (training, propagation); a no-op outside Linux. Returns whether glibc accepted both settings.
    /// </summary>
    public static bool ReuseLargeBlocks()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return MallocOption(MmapMax, 0) == 1 && MallocOption(TrimThreshold, int.MaxValue) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (e.g. musl): leave the allocator as it is.
            return false;
        }
    }
}
