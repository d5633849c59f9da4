using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Numerics;

/// <summary>
/// A fixed sparse linear map applied to every row of a batch: y[b, k] = w₁[k]·x[b, i₁[k]] (+ w₂[k]·x[b, i₂[k]]), with
/// one or two sources per output entry, in one pass over the rows.
/// </summary>
/// <remarks>
/// <para><b>Why.</b> The packings of Hermitian and anti-Hermitian matrices are such maps. Written with torch they take a
/// gather per source plus a multiply and an add, each a full pass over a batch that no cache holds; on the training
/// path these passes cost as much as the GEMMs. Here each output entry is read and written once, on the threads
/// libtorch uses. No autograd: callers that need gradients use the torch formulation.</para>
/// <para><b>Layout.</b> Rows are contiguous float64: a [B, L] tensor, or a complex128 [B, N, N] batch read through
/// <c>view_as_real</c> as L = 2N² reals per row, (re, im) interleaved. Inputs and outputs may be views, as long as each
/// is contiguous in memory.</para>
/// </remarks>
internal sealed class WeightedGather
{
    private readonly int[] _first;
    private readonly double[] _firstWeight;
    private readonly int[]? _second;
    private readonly double[]? _secondWeight;

    /// <summary>A map with one source per output entry, or two when <paramref name="second"/> is given.</summary>
    /// <param name="inputLength">Reals per input row.</param>
    /// <param name="first">Source of each output entry, in [0, inputLength).</param>
    /// <param name="firstWeight">Its weight (same length).</param>
    /// <param name="second">A second source per output entry, or null.</param>
    /// <param name="secondWeight">Its weight; required with <paramref name="second"/>.</param>
    /// <exception cref="ArgumentException">Lengths differ or a source is out of range.</exception>
    public WeightedGather(int inputLength, int[] first, double[] firstWeight, int[]? second = null, double[]? secondWeight = null)
    {
        if (firstWeight.Length != first.Length || (second is null) != (secondWeight is null) || (second is not null && (second.Length != first.Length || secondWeight!.Length != first.Length)))
            throw new ArgumentException("every source needs one weight and both source lists one entry per output");
        if (first.Concat(second ?? Array.Empty<int>()).Any(i => i < 0 || i >= inputLength))
            throw new ArgumentException($"a source lies outside the {inputLength} input entries");
        InputLength = inputLength;
        (_first, _firstWeight, _second, _secondWeight) = (first, firstWeight, second, secondWeight);
    }

    /// <summary>Reals per input row.</summary>
    public int InputLength { get; }

    /// <summary>Reals per output row.</summary>
    public int OutputLength => _first.Length;

    /// <summary>y = scale · map(x) for every row, into a new [B, <see cref="OutputLength"/>] float64 tensor.</summary>
    /// <param name="input">[B, …] float64 or complex128, contiguous, <see cref="InputLength"/> reals per row.</param>
    /// <param name="scale">A factor on every weight.</param>
    public Tensor Apply(Tensor input, double scale = 1.0)
    {
        var output = torch.empty(input.shape[0], OutputLength, ScalarType.Float64);
        Apply(input, output, scale);
        return output;
    }

    /// <summary>y = scale · map(x) for every row, written into <paramref name="output"/>.</summary>
    /// <param name="input">[B, …] float64 or complex128, contiguous, <see cref="InputLength"/> reals per row.</param>
    /// <param name="output">[B, …] float64 or complex128, contiguous, <see cref="OutputLength"/> reals per row; may not
    /// overlap the input.</param>
    /// <param name="scale">A factor on every weight.</param>
    /// <exception cref="ArgumentException">Wrong dtype, row length, batch, or a non-contiguous tensor.</exception>
    public unsafe void Apply(Tensor input, Tensor output, double scale = 1.0)
    {
        var batch = input.shape[0];
        RequireRows(input, batch, InputLength, nameof(input));
        RequireRows(output, batch, OutputLength, nameof(output));
        if (batch == 0) return;
        double* source, target;
        fixed (byte* pointer = input.bytes) source = (double*)pointer;
        fixed (byte* pointer = output.bytes) target = (double*)pointer;
        var w1 = _firstWeight.Select(w => w * scale).ToArray();
        var w2 = _secondWeight?.Select(w => w * scale).ToArray();
        var workers = (int)Math.Clamp(torch.get_num_threads(), 1, batch);
        var (inputLength, outputLength) = (InputLength, OutputLength);
        // Tensor memory is native, so the pointers stay valid while the tensors live (the caller holds them).
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            var (from, to) = (batch * worker / workers, batch * (worker + 1) / workers);
            for (var b = from; b < to; b++)
            {
                var x = source + b * inputLength;
                var y = target + b * outputLength;
                if (w2 is null) Single(x, y, _first, w1);
                else Double(x, y, _first, w1, _second!, w2);
            }
        });
    }

    private static unsafe void Single(double* x, double* y, int[] first, double[] w1)
    {
        for (var k = 0; k < first.Length; k++) y[k] = w1[k] * x[first[k]];
    }

    private static unsafe void Double(double* x, double* y, int[] first, double[] w1, int[] second, double[] w2)
    {
        for (var k = 0; k < first.Length; k++) y[k] = w1[k] * x[first[k]] + w2[k] * x[second[k]];
    }

    private static void RequireRows(Tensor tensor, long batch, int length, string name)
    {
        var reals = tensor.dtype switch
        {
            ScalarType.Float64 => tensor.numel(),
            ScalarType.ComplexFloat64 => 2 * tensor.numel(),
            _ => throw new ArgumentException($"rows must be float64 or complex128, not {tensor.dtype}", name),
        };
        if (tensor.shape.Length == 0 || tensor.shape[0] != batch || reals != batch * length)
            throw new ArgumentException($"expected {batch} rows of {length} reals, not a tensor of shape [{string.Join(", ", tensor.shape)}]", name);
        if (!tensor.is_contiguous() || tensor.device_type != DeviceType.CPU)
            throw new ArgumentException("rows must be contiguous on the CPU", name);
        if (tensor.is_conj()) throw new ArgumentException("rows must not carry a lazy conjugation (resolve_conj first)", name);
    }
}
