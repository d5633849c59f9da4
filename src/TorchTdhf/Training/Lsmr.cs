using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Training;

/// <summary>
/// LSMR (Fong &amp; Saunders, SIAM J. Sci. Comput. 33, 2950, 2011) for min ‖A x − b‖² + λ²‖x − x₀‖² with a matrix-free
/// <see cref="ILinearOperator"/>: Golub–Kahan bidiagonalisation of A started from r₀ = b − A x₀, with MINRES applied
/// to the normal equations through plane rotations, so ‖Aᵀ r_k‖ decreases monotonically. One product with A and one
/// with Aᵀ per iteration; memory: u, v (range and domain), h, h̄, the correction and x₀, and with
/// <see cref="LsmrOptions.ReorthogonalisationBytes"/> the v's kept for reorthogonalisation (<see cref="LsmrBasis"/>).
/// </summary>
/// <remarks>
/// A step-wise iterator: <see cref="Start"/> initialises, each <see cref="Step"/> does one iteration and returns its log
/// line, <see cref="IsFinished"/> says when a stopping rule holds. <see cref="Export"/> between steps captures the
/// whole iteration state, the kept v's included; <see cref="Resume"/> continues from it bit for bit. Norms come from
/// the recurrences (‖r‖ and ‖Aᵀr‖ as in §3 of the paper); the only vector norms taken are β = ‖u‖ and α = ‖v‖ and
/// ‖x − x₀‖.
/// </remarks>
public sealed class Lsmr : IDisposable
{
    // The names under which LsmrState keeps the reorthogonalisation basis (only when it holds vectors), its size and capacity.
    private const string BasisTensor = "basis";
    private const string BasisCountCounter = "basisCount";
    private const string BasisCapacityCounter = "basisCapacity";

    private readonly ILinearOperator _operator;
    private readonly LsmrOptions _options;
    private readonly LsmrRecurrence _s;
    private readonly int _maxIterations;
    private Tensor _u;
    private Tensor _v;
    private Tensor _h;
    private Tensor _hBar;
    private Tensor _correction;
    private Tensor _start;
    private readonly LsmrBasis _basis;

    private Lsmr(ILinearOperator op, LsmrOptions options, LsmrRecurrence recurrence, Tensor u, Tensor v, Tensor h, Tensor hBar, Tensor correction, Tensor start,
        LsmrBasis? basis)
    {
        _operator = op;
        _options = options;
        _s = recurrence;
        (_u, _v, _h, _hBar, _correction, _start) = (u, v, h, hBar, correction, start);
        _maxIterations = options.MaxIterations ?? (int)Math.Min(int.MaxValue, Math.Min(RealVectors.RealLength(u), RealVectors.RealLength(v)));
        _basis = basis ?? new LsmrBasis(LsmrBasis.CapacityFor(options.ReorthogonalisationBytes, RealVectors.RealLength(v)));
    }

    /// <summary>The most v's kept for reorthogonalisation (0: none).</summary>
    public long ReorthogonalisationCapacity => _basis.Capacity;

    /// <summary>Iterations done.</summary>
    public int Iteration => _s.Iteration;

    /// <summary>Why the iteration stopped, or <see cref="LsmrStop.None"/> while it goes on.</summary>
    public LsmrStop Stop => _s.Stop;

    /// <summary>True once a stopping rule holds; further <see cref="Step"/> calls are refused.</summary>
    public bool IsFinished => _s.Stop != LsmrStop.None;

    /// <summary>The log line of the current iterate.</summary>
    public LsmrIteration Current => new(_s.Iteration, _s.ResidualNorm, _s.NormalResidualNorm, RealVectors.Norm(_correction),
        Math.Sqrt(_s.NormASquared), _s.ConditionEstimate, _s.Stop);

    /// <summary>Initialises the iteration (two operator products) for the right-hand side and starting point.</summary>
    /// <param name="op">A.</param>
    /// <param name="rightHandSide">b: a range vector (not kept).</param>
    /// <param name="start">x₀: a domain vector (copied), or null for zero.</param>
    /// <param name="options">Damping and stopping rules; defaults when null.</param>
    /// <exception cref="TdhfInputException">Bad options.</exception>
    public static Lsmr Start(ILinearOperator op, Tensor rightHandSide, Tensor? start = null, LsmrOptions? options = null)
    {
        options ??= new LsmrOptions();
        options.Validate();
        var s = new LsmrRecurrence();
        using var scope = torch.NewDisposeScope();
        var u = start is null ? rightHandSide.detach().clone() : rightHandSide - op.Apply(start);
        var beta = Normalise(u);
        var v = op.ApplyAdjoint(u);
        s.Alpha = Normalise(v);
        var x0 = start?.detach().clone() ?? torch.zeros_like(v);
        s.AlphaBar = s.Alpha;
        s.ZetaBar = s.Alpha * beta;
        s.BetaDoubleDot = beta;
        s.NormB = beta;
        s.NormASquared = s.Alpha * s.Alpha;
        s.ResidualNorm = beta;
        s.NormalResidualNorm = s.Alpha * beta;
        if (s.NormalResidualNorm == 0) s.Stop = LsmrStop.StartingPointSolves;
        var lsmr = new Lsmr(op, options, s, u.DetachFromDisposeScope(), v.DetachFromDisposeScope(), v.clone().DetachFromDisposeScope(),
            torch.zeros_like(v).DetachFromDisposeScope(), torch.zeros_like(x0).DetachFromDisposeScope(), x0.DetachFromDisposeScope(), basis: null);
        if (s.Alpha > 0) lsmr._basis.Add(lsmr._v);
        return lsmr;
    }

    /// <summary>Continues from an exported state.</summary>
    /// <param name="op">The operator the state was produced with.</param>
    /// <param name="state">From <see cref="Export"/> (copied; the caller still owns it).</param>
    /// <param name="options">Stopping rules (the damping must be the one the state was produced with); defaults when null.
    /// Reorthogonalisation continues as the state was started: its kept v's and capacity are used, and
    /// <see cref="LsmrOptions.ReorthogonalisationBytes"/> is ignored.</param>
    /// <exception cref="TdhfInputException">The state lacks a value, or the options are bad.</exception>
    public static Lsmr Resume(ILinearOperator op, LsmrState state, LsmrOptions? options = null)
    {
        options ??= new LsmrOptions();
        options.Validate();
        var recurrence = LsmrRecurrence.From(state);
        Tensor T(string key) => state.Tensors.TryGetValue(key, out var t) ? t.detach().clone().DetachFromDisposeScope() : throw new TdhfInputException($"the LSMR state lacks '{key}'", key: key);
        // A state written without reorthogonalisation has neither the counter nor the basis, and resumes without it.
        var capacity = state.Counters.TryGetValue(BasisCapacityCounter, out var most) ? most : 0;
        var count = state.Counters.TryGetValue(BasisCountCounter, out var kept) ? kept : 0;
        LsmrBasis basis;
        if (count == 0) basis = new LsmrBasis(capacity);
        else if (state.Tensors.TryGetValue(BasisTensor, out var rows) && rows.shape[0] == count) basis = LsmrBasis.From(rows, capacity);
        else throw new TdhfInputException($"the LSMR state keeps {count} vectors for reorthogonalisation but lacks '{BasisTensor}' or has another number", key: BasisTensor);
        return new Lsmr(op, options, recurrence, T("u"), T("v"), T("h"), T("hBar"), T("correction"), T("start"), basis);
    }

    /// <summary>A copy of the whole iteration state.</summary>
    public LsmrState Export()
    {
        var tensors = new Dictionary<string, Tensor>
        {
            ["u"] = _u.clone(), ["v"] = _v.clone(), ["h"] = _h.clone(), ["hBar"] = _hBar.clone(), ["correction"] = _correction.clone(), ["start"] = _start.clone(),
        };
        var counters = _s.Counters().ToDictionary(p => p.Key, p => p.Value);
        if (_basis.Capacity > 0)
        {
            counters[BasisCapacityCounter] = _basis.Capacity;
            counters[BasisCountCounter] = _basis.Count;
        }
        if (_basis.Count > 0) tensors[BasisTensor] = _basis.Export();
        return new LsmrState(tensors.ToDictionary(p => p.Key, p => p.Value.DetachFromDisposeScope()), _s.Scalars(), counters);
    }

    /// <summary>x = x₀ + the correction: a new domain vector owned by the caller.</summary>
    public Tensor Solution() => _start + _correction;

    /// <summary>One iteration: one product with A and one with Aᵀ, then the rotations, updates and stopping tests.</summary>
    /// <returns>The log line of the new iterate.</returns>
    /// <exception cref="InvalidOperationException">The iteration has already stopped.</exception>
    public LsmrIteration Step()
    {
        if (IsFinished) throw new InvalidOperationException($"LSMR has stopped ({_s.Stop})");
        var s = _s;
        var k = ++s.Iteration;
        using (var scope = torch.NewDisposeScope())
        {
            // Golub–Kahan: β u ← A v − α u, then α v ← Aᵀ u − β v.
            // In-place a·x subtractions: a scaled copy of u would be one more range-sized temporary per iteration.
            var u = _operator.Apply(_v).add_(_u, -s.Alpha);
            var beta = Normalise(u);
            var v = _operator.ApplyAdjoint(u).add_(_v, -beta);
            _basis.Orthogonalise(v);
            var alpha = Normalise(v);
            if (alpha > 0) _basis.Add(v);
            s.Alpha = alpha;
            Replace(ref _u, u);
            Replace(ref _v, v);

            // Q̂: folds the damping into ᾱ; P: eliminates β from the bidiagonal; P̄: the second QR of MINRES.
            var (cHat, sHat, alphaHat) = Rotation(s.AlphaBar, _options.Damping);
            var rhoOld = s.Rho;
            (var c, var sine, s.Rho) = Rotation(alphaHat, beta);
            var thetaNew = sine * alpha;
            s.AlphaBar = c * alpha;
            var rhoBarOld = s.RhoBar;
            var zetaOld = s.Zeta;
            var thetaBar = s.SBar * s.Rho;
            (s.CBar, s.SBar, s.RhoBar) = Rotation(s.CBar * s.Rho, thetaNew);
            s.Zeta = s.CBar * s.ZetaBar;
            s.ZetaBar = -s.SBar * s.ZetaBar;

            // h̄ ← h − θ̄ρ/(ρ_old ρ̄_old) h̄;  x ← x + ζ/(ρ ρ̄) h̄;  h ← v − θ/ρ h.
            _hBar.mul_(-thetaBar * s.Rho / (rhoOld * rhoBarOld)).add_(_h);
            _correction.add_(_hBar, s.Zeta / (s.Rho * s.RhoBar));
            _h.mul_(-thetaNew / s.Rho).add_(_v);

            EstimateResidualNorm(s, cHat, sHat, c, sine, thetaBar, zetaOld);
            s.NormASquared += beta * beta;
            var normA = Math.Sqrt(s.NormASquared);
            s.NormASquared += alpha * alpha;
            s.MaxRhoBar = Math.Max(s.MaxRhoBar, rhoBarOld);
            if (k > 1) s.MinRhoBar = Math.Min(s.MinRhoBar, rhoBarOld);
            s.ConditionEstimate = Math.Max(s.MaxRhoBar, s.RhoDot) / Math.Min(s.MinRhoBar, s.RhoDot);
            s.NormalResidualNorm = Math.Abs(s.ZetaBar);
            s.Stop = StopReason(s, normA, RealVectors.Norm(_correction), k);
        }
        return Current;
    }

    /// <summary>Steps until a stopping rule holds.</summary>
    /// <param name="onIteration">Receives every log line (the start's included).</param>
    /// <returns>The stop reason.</returns>
    public LsmrStop Run(Action<LsmrIteration>? onIteration = null)
    {
        onIteration?.Invoke(Current);
        while (!IsFinished)
        {
            var line = Step();
            onIteration?.Invoke(line);
        }
        return Stop;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _u.Dispose();
        _v.Dispose();
        _h.Dispose();
        _hBar.Dispose();
        _correction.Dispose();
        _start.Dispose();
        _basis.Dispose();
    }

    // §3.3 of the paper: ‖r_k‖² = d_k + (β̇_k − τ̇_k)² + β̈_{k+1}², from the rotations applied to β₁e₁ and a third QR (ρ̇, θ̃).
    private static void EstimateResidualNorm(LsmrRecurrence s, double cHat, double sHat, double c, double sine, double thetaBar, double zetaOld)
    {
        var betaAcute = cHat * s.BetaDoubleDot;
        var betaCheck = -sHat * s.BetaDoubleDot;
        var betaHat = c * betaAcute;
        s.BetaDoubleDot = -sine * betaAcute;
        var thetaTildeOld = s.ThetaTilde;
        var (cTilde, sTilde, rhoTilde) = Rotation(s.RhoDot, thetaBar);
        s.ThetaTilde = sTilde * s.RhoBar;
        s.RhoDot = cTilde * s.RhoBar;
        s.BetaDot = -sTilde * s.BetaDot + cTilde * betaHat;
        s.TauTilde = (zetaOld - thetaTildeOld * s.TauTilde) / rhoTilde;
        var tauDot = (s.Zeta - s.ThetaTilde * s.TauTilde) / s.RhoDot;
        s.DiscardedSquares += betaCheck * betaCheck;
        var gap = s.BetaDot - tauDot;
        s.ResidualNorm = Math.Sqrt(s.DiscardedSquares + gap * gap + s.BetaDoubleDot * s.BetaDoubleDot);
    }

    private LsmrStop StopReason(LsmrRecurrence s, double normA, double normX, int k)
    {
        var (atol, btol) = (_options.AbsoluteTolerance, _options.RelativeTolerance);
        var conditionTolerance = _options.ConditionLimit > 0 ? 1 / _options.ConditionLimit : 0;
        var test1 = s.ResidualNorm / s.NormB;
        var test2 = s.ResidualNorm > 0 ? s.NormalResidualNorm / (normA * s.ResidualNorm) : 0;
        var test3 = 1 / s.ConditionEstimate;
        var relative = normA * normX / s.NormB;
        if (test1 <= btol + atol * relative) return LsmrStop.SystemSolved;
        if (test2 <= atol) return LsmrStop.LeastSquaresSolved;
        if (test3 <= conditionTolerance) return LsmrStop.ConditionLimit;
        if (1 + test1 / (1 + relative) <= 1) return LsmrStop.SystemSolvedToMachinePrecision;
        if (1 + test2 <= 1) return LsmrStop.LeastSquaresSolvedToMachinePrecision;
        if (1 + test3 <= 1) return LsmrStop.ConditionAtMachinePrecision;
        return k >= _maxIterations ? LsmrStop.IterationLimit : LsmrStop.None;
    }

    // A plane rotation [c s; −s c] taking (a, b) to (r, 0) with r = hypot(a, b) ≥ 0.
    private static (double C, double S, double R) Rotation(double a, double b)
    {
        if (b == 0) return (a >= 0 ? 1 : -1, 0, Math.Abs(a));
        if (a == 0) return (0, Math.Sign(b), Math.Abs(b));
        var r = double.Hypot(a, b);
        return (a / r, b / r, r);
    }

    // Scales a vector to unit norm in place (unless it is zero) and returns its former norm.
    private static double Normalise(Tensor vector)
    {
        var norm = RealVectors.Norm(vector);
        if (norm > 0) vector.div_(norm);
        return norm;
    }

    private static void Replace(ref Tensor field, Tensor value)
    {
        field.Dispose();
        field = value.DetachFromDisposeScope();
    }
}
