using TorchSharp;
using TorchTdhf.Chemistry;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// The Tied model: one real tensor β [N², N²] (parameter <c>beta</c>, index [kl, ij]) applied to the real and the
/// imaginary part of the density alike, M_ij = Σ_kl P_kl β[kl, ij], and the potential is the Hermitian part
/// G = ½(M + M†) = ½(Re M + Re Mᵀ) + ½ i (Im M − Im Mᵀ). N⁴ parameters.
/// </summary>
/// <remarks>
/// <para>G is evaluated on Pₕ = ½(P + P†). With T_kl = ½(β[kl, ij] + β[kl, ji]) and U_kl = ½(β[kl, ij] − β[kl, ji]),
/// Re G_ij = Σ_kl Re Pₕ_kl T_kl and Im G_ij = Σ_kl Im Pₕ_kl U_kl. Re Pₕ is symmetric and Im Pₕ antisymmetric, so in the
/// packed variables s, a of <see cref="PackedLearnablePotential"/> (s_kl = 2 Re Pₕ_kl for k &lt; l, s_kk = Re Pₕ_kk;
/// a_kl = 2 Im Pₕ_kl), for i ≤ j and i &lt; j respectively:</para>
/// <code>
/// Re G_ij = Σ_{k≤l} s_kl W_s[kl, ij],   W_s[kl, ij] = ¼ (β[kl, ij] + β[lk, ij] + β[kl, ji] + β[lk, ji])
/// Im G_ij = Σ_{k&lt;l} a_kl W_a[kl, ij],   W_a[kl, ij] = ¼ (β[kl, ij] − β[lk, ij] − β[kl, ji] + β[lk, ji])
/// </code>
/// <para>(on the diagonal k = l the two mirror terms coincide and give W_s = T_kk, as Re Pₕ_kk T_kk requires).
/// ApplyWith(v, P) folds v this way (O(N⁴), once per call) and runs the two packed GEMMs, 2B(Ms² + Ma²) ≈ B·N⁴ flops:
/// a quarter of the dense [2B, N²]·[N², N²] product the definition suggests, with the same result.</para>
/// <para>Adjoint(P, Y): the packed GEMMs give g_s = sᵀ s(Y) [Ms, Ms] and g_a = aᵀ a(Y) [Ma, Ma], and the fold's adjoint
/// scatters them back: ∂⟨G, Y⟩/∂β[kl, ij] = ¼ g_s[(kl), (ij)] + ¼ σ_kl σ_ij g_a[(kl), (ij)], with (kl) the pair of {k, l}
/// and σ_kl = +1 for k &lt; l, −1 for k &gt; l, 0 for k = l; diagonal pairs collect both mirror terms. Because s(Y), a(Y)
/// see only Yₕ = ½(Y + Y†), this accounts for the output projection G = ½(M + M†): the result equals the dense
/// Σ_b (Re Pₕ_kl Re Yₕ_ij + Im Pₕ_kl Im Yₕ_ij), which is symmetric in both (kl) and (ij) in its first term and
/// antisymmetric in both in its second, so the other half of β (mixed symmetry), invisible to G, gets zero gradient.</para>
/// </remarks>
public sealed class TiedTensorModel : PackedLearnablePotential
{
    /// <summary>A zero-initialised Tied model.</summary>
    /// <param name="basisSize">N.</param>
    public TiedTensorModel(int basisSize)
        : base(nameof(TiedTensorModel), basisSize, new[] { ("beta", new[] { (long)basisSize * basisSize, (long)basisSize * basisSize }) })
    {
    }

    /// <inheritdoc />
    public override ModelKind Kind => ModelKind.Tied;

    /// <summary>A Tied model with seeded random parameters θ ~ N(0, scale²), e.g. for tests and initialisation.</summary>
    /// <param name="basisSize">N.</param>
    /// <param name="seed">Seed of the generator.</param>
    /// <param name="scale">Standard deviation of every parameter.</param>
    public static TiedTensorModel Random(int basisSize, long seed, double scale = 1.0)
    {
        var model = new TiedTensorModel(basisSize);
        using var theta = FlatParameters.Normal(model.ParameterCount, seed, scale);
        model.SetParameters(theta);
        return model;
    }

    /// <summary>The exact representation of the true potential: β[kl, ij] = (ij|kl) − ½(ik|jl).</summary>
    /// <param name="eri">(ij|kl): [N, N, N, N] float64, orthonormal basis, chemists' notation.</param>
    public static TiedTensorModel FromTrue(Tensor eri)
    {
        using var scope = torch.NewDisposeScope();
        var kernel = HartreeFockBracket.Kernel(eri, nameof(eri));
        var model = new TiedTensorModel((int)eri.shape[0]);
        model.AssignParameters(kernel.mT);
        return model;
    }

    /// <summary>The exact representation of the true potential of a system (its orthonormal-basis integrals).</summary>
    public static TiedTensorModel FromTrue(MolecularSystem system) => FromTrue(system.Eri);

    private protected override (Tensor Symmetric, Tensor Antisymmetric) Fold(IReadOnlyList<Tensor> parameters)
    {
        var beta = parameters[0];
        var symmetric = PairFolding.Fold(PairFolding.Fold(beta, 0, Map.Upper, Map.Lower, 1), 1, Map.Upper, Map.Lower, 1).mul_(0.25);
        var antisymmetric = PairFolding.Fold(PairFolding.Fold(beta, 0, Map.UpperStrict, Map.LowerStrict, -1), 1, Map.UpperStrict, Map.LowerStrict, -1).mul_(0.25);
        return (symmetric, antisymmetric);
    }

    private protected override Tensor[] Unfold(Tensor symmetric, Tensor antisymmetric)
    {
        var n2 = (long)BasisSize * BasisSize;
        var fromSymmetric = PairFolding.Unfold(PairFolding.Unfold(symmetric, 1, n2, Map.Upper, Map.Lower, 1), 0, n2, Map.Upper, Map.Lower, 1);
        var fromAntisymmetric = PairFolding.Unfold(PairFolding.Unfold(antisymmetric, 1, n2, Map.UpperStrict, Map.LowerStrict, -1), 0, n2, Map.UpperStrict, Map.LowerStrict, -1);
        return new[] { fromSymmetric.add_(fromAntisymmetric).mul_(0.25) };
    }
}
