using TorchTdhf.Dynamics;

namespace TorchTdhf.Benchmarks;

/// <summary>
/// The floating-point model behind the propagation benchmark's GFLOP/s: real operations per trajectory and step,
/// counting the matrix products the integrators actually perform, in the form they perform them.
/// </summary>
/// <remarks>
/// <para>Counted: the potential's products (g per density, e.g. <see cref="Models.TruePotential.FlopsPerDensity"/>
/// = 2[N(N+1)/2]² + 2[N(N−1)/2]² ≈ N⁴ for the packed Hermitian product) and every batched N×N complex product at
/// 8N³ (four real multiply-adds per complex one).</para>
/// <list type="bullet">
/// <item><c>rk4</c>: 4 (g + c·8N³) with c = 1 commutator product for an exactly Hermitian potential, else 2.</item>
/// <item><c>magnus4</c>: 4 g + (4 e + 14)·8N³: four exponentials of e = <see cref="UnitaryExponential.ProductsWithoutSquaring"/>
/// products, four conjugations U P U† (2 products each) and three dexp⁻¹ corrections (2 each).</item>
/// <item><c>expmid</c>: f (g + (e + 2)·8N³) + 3·8N³ for f Fock builds per step (one per fixed-point iteration):
/// each iteration one exponential and one conjugation, then one squaring and one conjugation for the full step.</item>
/// </list>
/// <para>Not counted, so the rate is a lower bound: element-wise passes (additions, the gathers that pack and unpack
/// triangles, norms), and the squarings of an exponential whose generator has ‖τF‖_F &gt; <see cref="UnitaryExponential.Reach"/>
/// (none for the shipped systems up to N = 46 at dt ≈ 0.08). No eigendecomposition is left in any integrator's step.</para>
/// </remarks>
public static class PropagationFlops
{
    /// <summary>8N³: one N×N by N×N complex product in real operations.</summary>
    /// <param name="basisSize">N.</param>
    public static double ComplexProduct(int basisSize) => 8.0 * basisSize * basisSize * basisSize;

    /// <summary>Real operations per trajectory and step of <paramref name="integrator"/>.</summary>
    /// <param name="integrator">A name <see cref="Propagators.Create"/> accepts (aliases included).</param>
    /// <param name="basisSize">N.</param>
    /// <param name="potentialFlops">g: real operations of the potential per density.</param>
    /// <param name="exactlyHermitianPotential">The potential's <see cref="Models.ITwoElectronPotential.IsExactlyHermitian"/>.</param>
    /// <param name="fockBuildsPerStep">f: Fock builds per trajectory and step; used by <c>expmid</c> only, whose count depends on convergence.</param>
    /// <exception cref="TdhfInputException">The integrator name is unknown.</exception>
    public static double PerTrajectoryStep(string integrator, int basisSize, double potentialFlops, bool exactlyHermitianPotential, double fockBuildsPerStep)
    {
        var product = ComplexProduct(basisSize);
        const int exponential = UnitaryExponential.ProductsWithoutSquaring;
        return Propagators.Create(integrator) switch
        {
            RungeKutta4 => 4 * (potentialFlops + (exactlyHermitianPotential ? 1 : 2) * product),
            MuntheKaas4 => 4 * potentialFlops + (4 * exponential + MuntheKaas4.ProductsOutsideExponentials) * product,
            ExponentialMidpoint => fockBuildsPerStep * (potentialFlops + (exponential + 2) * product) + 3 * product,
            var other => throw new TdhfInputException($"no floating-point model for the propagator '{other.Name}'", key: "integrator"),
        };
    }
}
