using TorchSharp;

namespace TorchTdhf.Runtime;

/// <summary>Sets libtorch's intra-op thread count for a block of code and restores the previous count afterwards.</summary>
public sealed class TorchThreads : IDisposable
{
    private readonly int _previous;

    /// <summary>Uses <paramref name="threads"/> threads until disposed; null leaves the count as it is.</summary>
    /// <param name="threads">Positive thread count, or null.</param>
    /// <exception cref="TdhfInputException">The count is not positive.</exception>
    public TorchThreads(int? threads)
    {
        if (threads is <= 0) throw new TdhfInputException($"the thread count must be positive, not {threads}", key: "threads");
        _previous = torch.get_num_threads();
        if (threads is int count) torch.set_num_threads(count);
    }

    /// <summary>libtorch's intra-op thread count now.</summary>
    public static int Current => torch.get_num_threads();

    /// <inheritdoc />
    public void Dispose()
    {
        if (torch.get_num_threads() != _previous) torch.set_num_threads(_previous);
    }
}
