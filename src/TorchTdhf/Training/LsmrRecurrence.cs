namespace TorchTdhf.Training;

/// <summary>
/// The scalars LSMR carries between iterations, named as in Fong &amp; Saunders (2011): the Golub–Kahan α, the
/// rotations of the bidiagonal (ᾱ, ρ, ρ̄, c̄, s̄, ζ, ζ̄), those of the residual-norm estimate (β̈, β̇, ρ̇, τ̃, θ̃ and the
/// accumulated d), and the running estimates of ‖A‖ and cond(A).
/// </summary>
internal sealed class LsmrRecurrence
{
    public double Alpha;
    public double AlphaBar;
    public double Rho = 1;
    public double RhoBar = 1;
    public double CBar = 1;
    public double SBar;
    public double Zeta;
    public double ZetaBar;
    public double BetaDoubleDot;
    public double BetaDot;
    public double RhoDot = 1;
    public double TauTilde;
    public double ThetaTilde;
    public double DiscardedSquares;
    public double NormASquared;
    public double MaxRhoBar;
    public double MinRhoBar = double.PositiveInfinity;
    public double NormB;
    public double ResidualNorm;
    public double NormalResidualNorm;
    public double ConditionEstimate;
    public int Iteration;
    public LsmrStop Stop;

    public IReadOnlyDictionary<string, double> Scalars() => new Dictionary<string, double>
    {
        ["alpha"] = Alpha, ["alphaBar"] = AlphaBar, ["rho"] = Rho, ["rhoBar"] = RhoBar, ["cBar"] = CBar, ["sBar"] = SBar,
        ["zeta"] = Zeta, ["zetaBar"] = ZetaBar, ["betaDoubleDot"] = BetaDoubleDot, ["betaDot"] = BetaDot, ["rhoDot"] = RhoDot,
        ["tauTilde"] = TauTilde, ["thetaTilde"] = ThetaTilde, ["discardedSquares"] = DiscardedSquares, ["normASquared"] = NormASquared,
        ["maxRhoBar"] = MaxRhoBar, ["minRhoBar"] = MinRhoBar, ["normB"] = NormB, ["residualNorm"] = ResidualNorm,
        ["normalResidualNorm"] = NormalResidualNorm, ["conditionEstimate"] = ConditionEstimate,
    };

    public IReadOnlyDictionary<string, long> Counters() => new Dictionary<string, long> { ["iteration"] = Iteration, ["stop"] = (long)Stop };

    public static LsmrRecurrence From(LsmrState state)
    {
        double S(string key) => state.Scalars.TryGetValue(key, out var value) ? value : throw Missing(key);
        long C(string key) => state.Counters.TryGetValue(key, out var value) ? value : throw Missing(key);
        return new LsmrRecurrence
        {
            Alpha = S("alpha"), AlphaBar = S("alphaBar"), Rho = S("rho"), RhoBar = S("rhoBar"), CBar = S("cBar"), SBar = S("sBar"),
            Zeta = S("zeta"), ZetaBar = S("zetaBar"), BetaDoubleDot = S("betaDoubleDot"), BetaDot = S("betaDot"), RhoDot = S("rhoDot"),
            TauTilde = S("tauTilde"), ThetaTilde = S("thetaTilde"), DiscardedSquares = S("discardedSquares"), NormASquared = S("normASquared"),
            MaxRhoBar = S("maxRhoBar"), MinRhoBar = S("minRhoBar"), NormB = S("normB"), ResidualNorm = S("residualNorm"),
            NormalResidualNorm = S("normalResidualNorm"), ConditionEstimate = S("conditionEstimate"),
            Iteration = checked((int)C("iteration")), Stop = (LsmrStop)C("stop"),
        };
    }

    private static TdhfInputException Missing(string key) => new($"the LSMR state lacks '{key}'", key: key);
}
