using TorchSharp;
using TorchTdhf.Chemistry;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// The Herm model: Re G from Re P through β (parameter <c>beta</c>, [N², N(N+1)/2], index [kl, (i ≤ j)]) filling a
/// symmetric matrix, and Im G from Im P through γ (parameter <c>gamma</c>, [N², N(N−1)/2], index [kl, (i &lt; j)])
/// filling an antisymmetric one, so G is Hermitian for any parameters. N⁴ parameters.
/// </summary>
/// <remarks>
/// <para>Triangle order of the columns: the pairs (i, j) with i ≤ j (β) or i &lt; j (γ) in row-major order, (0,0),
/// (0,1), …, (0,N−1), (1,1), …; rows kl = k·N + l run over all N² entries of P.</para>
/// <para>G is evaluated on Pₕ = ½(P + P†): Re G_ij = Σ_kl Re Pₕ_kl β[kl, (ij)], Im G_ij = Σ_kl Im Pₕ_kl γ[kl, (ij)].
/// Re Pₕ is symmetric and Im Pₕ antisymmetric, so in the packed variables s, a of
/// <see cref="PackedLearnablePotential"/> (s_kl = 2 Re Pₕ_kl for k &lt; l, s_kk = Re Pₕ_kk; a_kl = 2 Im Pₕ_kl):</para>
/// <code>
/// Re G_ij = Σ_{k≤l} s_kl W_s[kl, ij],   W_s[kl, ij] = ½ (β[kl, (ij)] + β[lk, (ij)])
/// Im G_ij = Σ_{k&lt;l} a_kl W_a[kl, ij],   W_a[kl, ij] = ½ (γ[kl, (ij)] − γ[lk, (ij)])
/// </code>
/// <para>(for k = l the two β terms coincide: W_s = β[kk, (ij)]). ApplyWith(v, P) folds v this way (O(N⁴)) and runs the
/// two packed GEMMs, 2B(Ms² + Ma²) ≈ B·N⁴ flops, half of the dense [B, N²]·[N², Ms] + [B, N²]·[N², Ma] products.</para>
/// <para>Adjoint(P, Y): with g_s = sᵀ s(Y) [Ms, Ms] and g_a = aᵀ a(Y) [Ma, Ma] from the packed GEMMs,
/// ∂⟨G, Y⟩/∂β[kl, (ij)] = ½ g_s[(kl), (ij)] (doubled for k = l, where both mirror terms are the same entry) and
/// ∂⟨G, Y⟩/∂γ[kl, (ij)] = ½ σ_kl g_a[(kl), (ij)], σ_kl = +1 for k &lt; l, −1 for k &gt; l, 0 for k = l. The Hermitian-part
/// projection of P is in s and a; s(Y), a(Y) are the adjoint of assembling G from its upper triangle and see only
/// ½(Y + Y†). On Hermitian densities only β[kl] + β[lk] and γ[kl] − γ[lk] matter: the gradient is the same on both
/// mirrors, and the diagonal rows of γ get none.</para>
/// </remarks>
public sealed class HermitianTensorModel : PackedLearnablePotential
{
    /// <summary>A zero-initialised Herm model.</summary>
    /// <param name="basisSize">N.</param>
    public HermitianTensorModel(int basisSize)
        : base(nameof(HermitianTensorModel), basisSize, Shapes(basisSize))
    {
    }

    /// <inheritdoc />
    public override ModelKind Kind => ModelKind.Herm;

    /// <summary>A Herm model with seeded random parameters θ ~ N(0, scale²), e.g. for tests and initialisation.</summary>
    /// <param name="basisSize">N.</param>
    /// <param name="seed">Seed of the generator.</param>
    /// <param name="scale">Standard deviation of every parameter.</param>
    public static HermitianTensorModel Random(int basisSize, long seed, double scale = 1.0)
    {
        var model = new HermitianTensorModel(basisSize);
        using var theta = FlatParameters.Normal(model.ParameterCount, seed, scale);
        model.SetParameters(theta);
        return model;
    }

    /// <summary>The exact representation of the true potential: β[kl, (ij)] = γ[kl, (ij)] = (ij|kl) − ½(ik|jl).</summary>
    /// <param name="eri">(ij|kl): [N, N, N, N] float64, orthonormal basis, chemists' notation.</param>
    public static HermitianTensorModel FromTrue(Tensor eri)
    {
        using var scope = torch.NewDisposeScope();
        var kernel = HartreeFockBracket.Kernel(eri, nameof(eri));
        var model = new HermitianTensorModel((int)eri.shape[0]);
        model.AssignParameters(kernel.index_select(0, model.Map.Upper).mT, kernel.index_select(0, model.Map.UpperStrict).mT);
        return model;
    }

    /// <summary>The exact representation of the true potential of a system (its orthonormal-basis integrals).</summary>
    public static HermitianTensorModel FromTrue(MolecularSystem system) => FromTrue(system.Eri);

    private protected override (Tensor Symmetric, Tensor Antisymmetric) Fold(IReadOnlyList<Tensor> parameters)
    {
        var symmetric = PairFolding.Fold(parameters[0], 0, Map.Upper, Map.Lower, 1).mul_(0.5);
        var antisymmetric = PairFolding.Fold(parameters[1], 0, Map.UpperStrict, Map.LowerStrict, -1).mul_(0.5);
        return (symmetric, antisymmetric);
    }

    private protected override Tensor[] Unfold(Tensor symmetric, Tensor antisymmetric)
    {
        var n2 = (long)BasisSize * BasisSize;
        return new[]
        {
            PairFolding.Unfold(symmetric, 0, n2, Map.Upper, Map.Lower, 1).mul_(0.5),
            PairFolding.Unfold(antisymmetric, 0, n2, Map.UpperStrict, Map.LowerStrict, -1).mul_(0.5),
        };
    }

    private static (string, long[])[] Shapes(int n)
    {
        var n2 = (long)n * n;
        return new[] { ("beta", new[] { n2, n * (n + 1L) / 2 }), ("gamma", new[] { n2, n * (n - 1L) / 2 }) };
    }
}
