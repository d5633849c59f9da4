using System.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>
/// Fourth-order Runge–Kutta–Munthe-Kaas integrator: exactly unitary, so trace, Hermiticity and idempotency
/// (P² = 2P) hold to round-off at any step size. Meant for ground-truth trajectories.
/// </summary>
/// <remarks>
/// <para>Write dP/dt = [A(P, t), P] with the anti-Hermitian A = −iF. The solution is P(t + dt) = e^{Ω} P e^{−Ω}, where
/// Ω(τ) obeys Ω' = dexp⁻¹_Ω(A(e^{Ω} P e^{−Ω}, t + τ)), Ω(0) = 0, an ODE in the vector space of anti-Hermitian
/// matrices. Classical RK4 applied to it, with dexp⁻¹_Ω(X) = X − ½[Ω, X] + (1/12)[Ω, [Ω, X]] − … truncated after
/// the double commutator (the next non-zero term is O(Ω⁴) and only affects order 5), gives the stages
/// <code>
/// k1 = dt A(P, t)
/// k2 = dt dexp⁻¹_{k1/2}(A(e^{k1/2}·P, t + dt/2))
/// k3 = dt dexp⁻¹_{k2/2}(A(e^{k2/2}·P, t + dt/2))
/// k4 = dt dexp⁻¹_{k3}(A(e^{k3}·P, t + dt))
/// Ω  = (k1 + 2 k2 + 2 k3 + k4) / 6,   P(t + dt) = e^{Ω}·P
/// </code>
/// where e^{X}·P = e^{X} P e^{−X}.</para>
/// <para>The code works with Hermitian rates R, k = −i dt R (R₁ = F₁). For the generator W = c·dt·R of the previous
/// stage and X = dt F of the new one, dexp⁻¹ becomes R' = F + (i c dt/2)[R, F] − ((c dt)²/12)[R, [R, F]], and each
/// commutator of Hermitian (or anti-Hermitian) factors is one product: [R, F] = RF − (RF)†, [R, C] = RC + (RC)† for
/// anti-Hermitian C. The exponentials come from <see cref="UnitaryExponential"/>. Per step: four Fock builds, four
/// exponentials, eight products for the conjugations and six for the commutators. Gradients through this scheme are
/// not meant to be taken; training differentiates through <see cref="RungeKutta4"/>.</para>
/// </remarks>
public sealed class MuntheKaas4 : IPropagator
{
    /// <summary>Batched N×N complex products per step besides the exponentials: 4 conjugations × 2 + 3 corrections × 2.</summary>
    internal const int ProductsOutsideExponentials = 14;

    /// <inheritdoc />
    public string Name => "magnus4";

    /// <inheritdoc />
    public int Order => 4;

    /// <inheritdoc />
    public Tensor Step(TdhfEquation equation, Tensor density, double time, double timeStep)
    {
        // Small bases: libtorch's per-operation cost would dwarf the arithmetic.
        if (equation.CompactMuntheKaas4(density) is { } compact) return compact.Step(density, time, timeStep);
        using var scope = torch.NewDisposeScope();
        var half = 0.5 * timeStep;
        Tensor Act(Tensor rate, double scale) => UnitaryExponential.ConjugateNearIdentity(UnitaryExponential.MinusIdentity(rate, scale), density);

        var r1 = equation.HermitianFock(density, time);
        var r2 = Corrected(r1, 0.5 * timeStep, equation.HermitianFock(Act(r1, half), time + half));
        var r3 = Corrected(r2, 0.5 * timeStep, equation.HermitianFock(Act(r2, half), time + half));
        var r4 = Corrected(r3, timeStep, equation.HermitianFock(Act(r3, timeStep), time + timeStep));
        var omega = r1.add_(r2.add_(r3), 2).add_(r4).mul_(1.0 / 6);
        // Round-off leaves U P U† Hermitian only to ~1e-16; over thousands of steps that would add up, so restore it.
        return Hermitian.Part(Act(omega, timeStep)).MoveToOuterDisposeScope();
    }

    // dexp⁻¹ of the previous generator W = span·R applied to X = dt·F, as a rate: F + (i·span/2)[R, F] − (span²/12)[R, [R, F]].
    private static Tensor Corrected(Tensor rate, double span, Tensor fock)
    {
        using var scope = torch.NewDisposeScope();
        var single = Hermitian.MinusAdjoint(rate.matmul(fock));
        var product = rate.matmul(single);
        var nested = product + product.mH;
        using var first = new Complex(0, 0.5 * span).ToScalar();
        using var second = (-span * span / 12).ToScalar();
        fock.add_(single, first).add_(nested, second);
        return fock;
    }
}
