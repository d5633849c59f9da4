namespace TorchTdhf.Training.Autograd;

/// <summary>
/// Draws minibatches epoch by epoch: each epoch visits every item once in an order shuffled by a
/// <see cref="Xoshiro256StarStar"/>; the last batch of an epoch holds what is left (it may be smaller). When the batch
/// size is at least the number of items, every batch is all items in their natural order and no random numbers are used.
/// </summary>
public sealed class MinibatchSampler
{
    private readonly long _count;
    private readonly int _batchSize;
    private Xoshiro256StarStar _random;
    private string _epochStart;
    private long[]? _order;
    private long _position;

    /// <summary>A sampler over items 0 … <paramref name="count"/> − 1.</summary>
    /// <param name="count">Items to draw from, at least 1.</param>
    /// <param name="batchSize">Items per batch, at least 1.</param>
    /// <param name="seed">Seed of the shuffling generator.</param>
    public MinibatchSampler(long count, int batchSize, ulong seed)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "there must be at least one item to sample");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), "the batch size must be positive");
        _count = count;
        _batchSize = batchSize;
        _random = new Xoshiro256StarStar(seed);
        _epochStart = _random.ExportState();
    }

    /// <summary>Batches per epoch: ⌈count / batch size⌉.</summary>
    public long BatchesPerEpoch => (_count + _batchSize - 1) / _batchSize;

    /// <summary>Indices of the next batch (distinct, in 0 … count − 1).</summary>
    public long[] Next()
    {
        if (_batchSize >= _count) return Enumerable.Range(0, (int)_count).Select(i => (long)i).ToArray();
        if (_order is null || _position == _count)
        {
            _epochStart = _random.ExportState();
            _order = _random.Permutation(_count);
            _position = 0;
        }
        var length = Math.Min(_batchSize, _count - _position);
        var batch = _order.AsSpan((int)_position, (int)length).ToArray();
        _position += length;
        return batch;
    }

    /// <summary>
    /// Where the sampler stands: the generator's state before the current epoch's order was drawn and how many items
    /// of that epoch were served; at an epoch boundary, the current state and 0.
    /// </summary>
    public MinibatchSamplerState ExportState() =>
        _order is null || _position == _count ? new(_random.ExportState(), 0) : new(_epochStart, _position);

    /// <summary>Continues from a state of <see cref="ExportState"/> (of a sampler with the same count and batch size).</summary>
    /// <exception cref="TdhfInputException">The state is malformed or its position is out of range.</exception>
    public void Restore(MinibatchSamplerState state)
    {
        if (state.Position < 0 || state.Position >= _count)
            throw new TdhfInputException($"the sampler position {state.Position} is outside 0 … {_count - 1}", key: "samplerPosition");
        _random = Xoshiro256StarStar.FromState(state.RandomState);
        _epochStart = state.RandomState;
        _order = state.Position == 0 ? null : _random.Permutation(_count);
        _position = state.Position;
    }
}

/// <summary>The exportable state of a <see cref="MinibatchSampler"/>.</summary>
/// <param name="RandomState">Generator state (<see cref="Xoshiro256StarStar.ExportState"/>) before the current epoch's order was drawn.</param>
/// <param name="Position">Items of the current epoch already served; 0 at an epoch boundary.</param>
public sealed record MinibatchSamplerState(string RandomState, long Position);
