namespace TorchTdhf.Training;

/// <summary>Damping and stopping rules of <see cref="Lsmr"/> (Fong &amp; Saunders 2011).</summary>
public sealed record LsmrOptions
{
    /// <summary>
    /// λ ≥ 0: minimises ‖A x − b‖² + λ²‖x − x₀‖² (the damping acts on the correction to the starting point x₀, zero
    /// when none is given).
    /// </summary>
    public double Damping { get; init; }

    /// <summary>atol: stop when ‖Aᵀ r‖ ≤ atol ‖A‖ ‖r‖ (a least-squares solution), or together with
    /// <see cref="RelativeTolerance"/> when ‖r‖ ≤ btol ‖b‖ + atol ‖A‖ ‖x‖ (a solution of A x = b).</summary>
    public double AbsoluteTolerance { get; init; } = 1e-8;

    /// <summary>btol: the relative accuracy of b (see <see cref="AbsoluteTolerance"/>).</summary>
    public double RelativeTolerance { get; init; } = 1e-8;

    /// <summary>conlim: stop when the estimate of cond(A) exceeds it (regularisation by early stopping); 0 disables.</summary>
    public double ConditionLimit { get; init; } = 1e8;

    /// <summary>
    /// Memory for reorthogonalisation, in bytes: every new Golub–Kahan v is reorthogonalised against the v's kept so far
    /// (<see cref="LsmrBasis"/>), and as many are kept as fit (8 bytes per real of the domain, never more than the
    /// domain's dimension; storage grows as they arrive). 0 (the default) turns it off. Worth its cost on
    /// ill-conditioned problems whose domain is much smaller than their range, where plain LSMR stalls.
    /// </summary>
    public long ReorthogonalisationBytes { get; init; }

    /// <summary>Most iterations; null: the smaller of the domain's and the range's real dimensions.</summary>
    public int? MaxIterations { get; init; }

    /// <summary>Throws unless the options are usable.</summary>
    /// <exception cref="TdhfInputException">A negative or non-finite value, or fewer than one iteration.</exception>
    public void Validate()
    {
        static void NonNegative(double value, string key)
        {
            if (!(value >= 0) || double.IsInfinity(value)) throw new TdhfInputException($"must be a finite number ≥ 0, not {value}", key: key);
        }
        NonNegative(Damping, "damping");
        NonNegative(AbsoluteTolerance, "atol");
        NonNegative(RelativeTolerance, "btol");
        NonNegative(ConditionLimit, "conlim");
        if (ReorthogonalisationBytes < 0) throw new TdhfInputException($"must be at least 0, not {ReorthogonalisationBytes}", key: "reorth-memory");
        if (MaxIterations is < 1) throw new TdhfInputException($"must be at least 1, not {MaxIterations}", key: "max-iterations");
    }
}
