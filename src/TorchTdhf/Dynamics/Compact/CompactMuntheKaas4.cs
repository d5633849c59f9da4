using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics.Compact;

/// <summary>
/// The <see cref="MuntheKaas4"/> step for small bases on plain arrays, one trajectory at a time: the same stages,
/// corrections and final Hermitian part, with exponentials of adaptive degree (<see cref="CompactExponential"/>).
/// </summary>
/// <remarks>
/// Holds work space, so one instance serves one thread. The results agree with the libtorch path to round-off.
/// </remarks>
internal sealed class CompactMuntheKaas4
{
    /// <summary>Largest N taken by this path; beyond it batched libtorch products win.</summary>
    public const int MaxBasisSize = 16;

    private readonly int _n;
    private readonly CompactFock _fock;
    private readonly IReadOnlyList<Field> _fields;
    private readonly CompactExponential _exponential;
    private readonly ComplexMatrix _density;
    private readonly ComplexMatrix[] _rates;
    private readonly ComplexMatrix _stage;
    private readonly ComplexMatrix _shift;
    private readonly ComplexMatrix _change;
    private readonly ComplexMatrix _adjoint;
    private readonly ComplexMatrix _left;
    private readonly ComplexMatrix _single;
    private readonly ComplexMatrix _nested;

    /// <param name="fock">F(P, t) of the equation.</param>
    /// <param name="fields">The equation's fields: one, or one per trajectory.</param>
    /// <param name="n">N.</param>
    public CompactMuntheKaas4(CompactFock fock, IReadOnlyList<Field> fields, int n)
    {
        _n = n;
        _fock = fock;
        _fields = fields;
        _exponential = new CompactExponential(n);
        ComplexMatrix New() => new(n);
        _density = New();
        _rates = Enumerable.Range(0, 4).Select(_ => New()).ToArray();
        (_stage, _shift, _change, _adjoint, _left, _single, _nested) = (New(), New(), New(), New(), New(), New(), New());
    }

    /// <summary>P(t + dt) for every trajectory of the batch.</summary>
    /// <param name="density">P(t): [B, N, N] complex128 on the CPU, orthonormal basis.</param>
    /// <param name="time">t.</param>
    /// <param name="timeStep">dt.</param>
    /// <returns>[B, N, N] complex128, exactly Hermitian.</returns>
    public Tensor Step(Tensor density, double time, double timeStep)
    {
        var batch = (int)density.shape[0];
        // The views below are handles that keep P(t)'s storage alive; without a scope of their own they would pile up
        // in the caller's (a whole run's) until it ends, some gigabytes for a 100-member ensemble.
        using var scope = torch.NewDisposeScope();
        // Read and written in place (interleaved re, im): copies through managed arrays cost more than the step for small batches.
        var input = density.resolve_conj().contiguous();
        var output = torch.empty(new long[] { batch, _n, _n }, ScalarType.ComplexFloat64);
        var from = MemoryMarshal.Cast<byte, double>(input.bytes);
        var to = MemoryMarshal.Cast<byte, double>(output.bytes);
        for (var b = 0; b < batch; b++)
        {
            Load(from, b, _density);
            StepOne(_fields[_fields.Count == 1 ? 0 : b], time, timeStep);
            Store(_stage, to, b);
        }
        return output.MoveToOuterDisposeScope();
    }

    /// <summary>P(t + dt) of one trajectory, in place.</summary>
    /// <param name="density">P(t) on entry, P(t + dt) on return; exactly Hermitian.</param>
    /// <param name="trajectory">Which of the equation's fields drives it (0 when there is one).</param>
    /// <param name="time">t.</param>
    /// <param name="timeStep">dt.</param>
    public void Advance(ComplexMatrix density, int trajectory, double time, double timeStep)
    {
        _density.CopyFrom(density);
        StepOne(_fields[_fields.Count == 1 ? 0 : trajectory], time, timeStep);
        density.CopyFrom(_stage);
    }

    // Leaves P(t + dt) in _stage.
    private void StepOne(Field field, double time, double timeStep)
    {
        var half = 0.5 * timeStep;
        var (r1, r2, r3, r4) = (_rates[0], _rates[1], _rates[2], _rates[3]);
        _fock.Build(_density, field.At(time), r1);
        Act(r1, half);
        _fock.Build(_stage, field.At(time + half), r2);
        Correct(r1, half, r2);
        Act(r2, half);
        _fock.Build(_stage, field.At(time + half), r3);
        Correct(r2, half, r3);
        Act(r3, timeStep);
        _fock.Build(_stage, field.At(time + timeStep), r4);
        Correct(r3, timeStep, r4);
        r2.AddScaled(r3, 1, 0);
        r1.AddScaled(r2, 2, 0);
        r1.AddScaled(r4, 1, 0);
        r1.Scale(1.0 / 6);
        Act(r1, timeStep);
        _left.CopyFrom(_stage);
        _stage.SetPlusSignedAdjoint(_left, 1);
        _stage.Scale(0.5);
    }

    // _stage = U P U† with U = e^{−i·scale·rate} = 1 + K, as P + (KP + (KP)† + KPK†): the small change is summed
    // before P is added, so a P that commutes with the rate comes back unchanged (see CompactExponential).
    private void Act(ComplexMatrix rate, double scale)
    {
        _exponential.EvaluateMinusIdentity(rate, scale, _shift);
        _adjoint.SetAdjoint(_shift);
        _left.SetProduct(_shift, _density);
        _stage.SetProduct(_left, _adjoint);
        _change.SetPlusSignedAdjoint(_left, 1);
        _change.AddScaled(_stage, 1, 0);
        _stage.CopyFrom(_density);
        _stage.AddScaled(_change, 1, 0);
    }

    // fock += (i·span/2)[R, F] − (span²/12)[R, [R, F]], each commutator one product (see MuntheKaas4).
    private void Correct(ComplexMatrix rate, double span, ComplexMatrix fock)
    {
        _left.SetProduct(rate, fock);
        _single.SetPlusSignedAdjoint(_left, -1);
        _left.SetProduct(rate, _single);
        _nested.SetPlusSignedAdjoint(_left, 1);
        fock.AddScaled(_single, 0, 0.5 * span);
        fock.AddScaled(_nested, -span * span / 12, 0);
    }

    private void Load(ReadOnlySpan<double> values, int b, ComplexMatrix target)
    {
        int n = _n, s = target.Stride, offset = b * n * n * 2;
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        {
            target.Re[i * s + j] = values[offset + 2 * (i * n + j)];
            target.Im[i * s + j] = values[offset + 2 * (i * n + j) + 1];
        }
    }

    private void Store(ComplexMatrix source, Span<double> values, int b)
    {
        int n = _n, s = source.Stride, offset = b * n * n * 2;
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        {
            values[offset + 2 * (i * n + j)] = source.Re[i * s + j];
            values[offset + 2 * (i * n + j) + 1] = source.Im[i * s + j];
        }
    }
}
