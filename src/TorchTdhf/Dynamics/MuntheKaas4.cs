using System.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>
/// Fourth-order Runge–Kutta–Munthe-Kaas integrator: exactly unitary, so trace, Hermiticity and idempotency
/// (P² = 2P) hold to round-off at any step size. Meant for ground-truth trajectories.
/// </summary>
/// <remarks>
/// Write dP/dt = [A(P, t), P] with the anti-Hermitian A = −iF. The solution is P(t + dt) = e^{Ω} P e^{−Ω}, where
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
/// where e^{X}·P = e^{X} P e^{−X}. Each step costs four Fock builds and four batched Hermitian eigendecompositions
/// (of iX, through which the exponentials act). The eigendecompositions make gradients through this scheme
/// ill-conditioned near degenerate spectra, which is why training differentiates through <see cref="RungeKutta4"/>.
/// </remarks>
public sealed class MuntheKaas4 : IPropagator
{
    private static readonly Complex MinusI = new(0, -1);
    private static readonly Complex PlusI = new(0, 1);

    /// <inheritdoc />
    public string Name => "magnus4";

    /// <inheritdoc />
    public int Order => 4;

    /// <inheritdoc />
    public Tensor Step(TdhfEquation equation, Tensor density, double time, double timeStep)
    {
        using var scope = torch.NewDisposeScope();
        var half = 0.5 * timeStep;
        var k1 = Generator(equation, density, time) * timeStep;
        var k2 = Corrected(k1 * 0.5, Generator(equation, Act(k1 * 0.5, density), time + half) * timeStep);
        var k3 = Corrected(k2 * 0.5, Generator(equation, Act(k2 * 0.5, density), time + half) * timeStep);
        var k4 = Corrected(k3, Generator(equation, Act(k3, density), time + timeStep) * timeStep);
        var omega = (k1 + 2 * (k2 + k3) + k4) / 6;
        return Act(omega, density).MoveToOuterDisposeScope();
    }

    // A = −iF: anti-Hermitian.
    private static Tensor Generator(TdhfEquation equation, Tensor density, double time)
    {
        using var fock = equation.Fock(density, time);
        return fock * MinusI;
    }

    // dexp⁻¹_Ω(X) to the order RK4 needs.
    private static Tensor Corrected(Tensor omega, Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var single = Commutator(omega, x);
        var result = x - 0.5 * single + Commutator(omega, single) / 12;
        return result.MoveToOuterDisposeScope();
    }

    // e^{Ω} P e^{−Ω} = e^{−iH} P e^{iH} with the Hermitian H = iΩ.
    private static Tensor Act(Tensor omega, Tensor density)
    {
        using var hermitian = omega * PlusI;
        return UnitaryConjugation.Apply(hermitian, density);
    }

    private static Tensor Commutator(Tensor a, Tensor b)
    {
        using var ab = a.matmul(b);
        using var ba = b.matmul(a);
        return ab - ba;
    }
}
