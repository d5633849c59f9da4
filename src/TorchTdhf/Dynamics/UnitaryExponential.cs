using System.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>
/// U = e^{−iτH} for a batch of Hermitian H, from matrix products only: a Taylor polynomial of degree
/// <see cref="Degree"/>, evaluated by Paterson–Stockmeyer, with scaling and squaring when the Frobenius norm ‖τH‖_F exceeds
/// <see cref="Reach"/>.
/// </summary>
/// <remarks>
/// <para>Why not eigh: a batched Hermitian eigendecomposition costs as much as some thirty matrix products of the
/// same size and runs one matrix at a time, while this costs <see cref="ProductsWithoutSquaring"/> batched products.</para>
/// <para>Accuracy: τH is normal, so the truncation error is at most Σ_{k&gt;m} ρᵏ/k! with ρ = ‖τH‖₂ ≤ ‖τH‖_F. For m = 24
/// and ρ ≤ 2.33 that is below 2⁻⁵³, so U is unitary to round-off like an eigendecomposition's. Larger generators
/// are divided by 2ˢ (s as small as possible, one s for the whole batch) and the result squared s times.</para>
/// <para>Evaluation: with Z = −iτH/2ˢ and blocks Bⱼ = Σ_{i&lt;5} c_{5j+i} Zⁱ (cₖ = 1/k!),
/// p(Z) = B₀ + Z⁵(B₁ + Z⁵(B₂ + Z⁵(B₃ + Z⁵ B₄))): four products for Z², Z³, Z⁴, Z⁵ and four for the nesting,
/// eight in all; the five blocks come from one real product of the coefficient table with the stacked powers.</para>
/// <para>Propagators use K = U − 1 (<see cref="MinusIdentity"/>) and <see cref="ConjugateNearIdentity"/> rather than U:
/// for the small generators of a time step U lies so close to the identity that its elements keep only the leading
/// bits of τH, and U P U† of a stationary P then comes back off by about 2⁻⁵³ every step, the same way every step, so
/// the ground state would drift linearly (some 4·10⁻¹¹ after 2·10⁵ steps). K keeps τH's relative precision.</para>
/// </remarks>
internal static class UnitaryExponential
{
    /// <summary>Degree m of the Taylor polynomial.</summary>
    public const int Degree = 24;

    /// <summary>Largest ‖τH‖_F evaluated without scaling: Σ_{k&gt;24} ρᵏ/k! ≤ 2⁻⁵³ for ρ ≤ 2.33.</summary>
    public const double Reach = 2.33;

    private const int BlockSize = 5;
    private const int BlockCount = (Degree + 1) / BlockSize;

    /// <summary>Batched N×N complex products of one exponential that needs no squaring.</summary>
    public const int ProductsWithoutSquaring = BlockSize - 1 + BlockCount - 1;

    /// <summary>e^{−iτH}.</summary>
    /// <param name="hermitian">H: [B, N, N] complex128, Hermitian (only its use as a generator is assumed, not checked).</param>
    /// <param name="scale">τ.</param>
    /// <returns>[B, N, N] complex128, unitary to round-off.</returns>
    public static Tensor Of(Tensor hermitian, double scale)
    {
        var shift = MinusIdentity(hermitian, scale);
        shift.diagonal(dim1: -2, dim2: -1).add_(1.0);
        return shift;
    }

    /// <summary>K = e^{−iτH} − 1, computed without forming the identity's contribution.</summary>
    /// <inheritdoc cref="Of" path="/param"/>
    /// <returns>[B, N, N] complex128; 1 + K is unitary to round-off.</returns>
    public static Tensor MinusIdentity(Tensor hermitian, double scale)
    {
        using var scope = torch.NewDisposeScope();
        // The Frobenius norm bounds ρ = ‖H‖₂ as the 1-norm does, and is a single fast reduction.
        var batch = hermitian.shape[0];
        var norm = Math.Abs(scale) * torch.linalg.vector_norm(torch.view_as_real(hermitian).reshape(batch, -1), dims: new long[] { 1 }).max().item<double>();
        // A non-finite generator gives a non-finite result either way; scaling it would only loop.
        var squarings = norm > Reach && double.IsFinite(norm) ? (int)Math.Ceiling(Math.Log2(norm / Reach)) : 0;
        var z = hermitian * new Complex(0, -scale / Math.Pow(2, squarings));
        var powers = new List<Tensor> { z };
        for (var power = 2; power <= BlockSize; power++) powers.Add(powers[power / 2 - 1].matmul(powers[(power + 1) / 2 - 1]));
        var blocks = Blocks(powers.Take(BlockSize - 1).ToArray());
        var step = powers[BlockSize - 1];
        var result = blocks[BlockCount - 1];
        // Not baddbmm, which gives wrong sums for matrices of a few rows in this libtorch.
        for (var j = BlockCount - 2; j >= 0; j--) result = step.matmul(result).add_(blocks[j]);
        // (1 + K)² = 1 + (2K + K²).
        for (var i = 0; i < squarings; i++) result = result.matmul(result).add_(result, 2);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// U P U† with U = 1 + K, as P + (KP + (KP)† + KPK†): the change is summed before P is added, so a P that commutes
    /// with the generator comes back unchanged to round-off of the change, not of P.
    /// </summary>
    /// <param name="shift">K = U − 1: [B, N, N] complex128 (from <see cref="MinusIdentity"/>).</param>
    /// <param name="density">P: [B, N, N] complex128, Hermitian.</param>
    /// <returns>[B, N, N] complex128.</returns>
    public static Tensor ConjugateNearIdentity(Tensor shift, Tensor density)
    {
        using var scope = torch.NewDisposeScope();
        var left = shift.matmul(density);
        var change = left.matmul(shift.mH).add_(left).add_(left.mH);
        return (density + change).MoveToOuterDisposeScope();
    }

    /// <summary>(1 + K)² − 1 = 2K + K²: the shift of two steps with the same generator.</summary>
    /// <param name="shift">K: [B, N, N] complex128.</param>
    /// <returns>[B, N, N] complex128.</returns>
    public static Tensor Doubled(Tensor shift) => shift.matmul(shift).add_(shift, 2);

    // Bⱼ = c_{5j} I + Σ_{i=1..4} c_{5j+i} Zⁱ (but no I in B₀) for all j at once: [BlockCount] tensors [B, N, N] complex128.
    private static Tensor[] Blocks(Tensor[] powers)
    {
        var shape = powers[0].shape;
        var coefficients = new double[BlockCount, BlockSize - 1];
        var constants = new double[BlockCount];
        for (var j = 0; j < BlockCount; j++)
        {
            // The constant 1 of block 0 is U's identity, which K leaves out.
            constants[j] = j == 0 ? 0 : InverseFactorial(BlockSize * j);
            for (var i = 1; i < BlockSize; i++) coefficients[j, i - 1] = InverseFactorial(BlockSize * j + i);
        }
        // Real coefficients act on real and imaginary parts alike, so one real product combines all the powers.
        var stacked = torch.view_as_real(torch.stack(powers)).reshape(powers.Length, -1);
        var combined = torch.tensor(coefficients).matmul(stacked).reshape(BlockCount, shape[0], shape[1], shape[2], 2);
        var blocks = torch.view_as_complex(combined);
        blocks.diagonal(dim1: -2, dim2: -1).add_(torch.tensor(constants).reshape(BlockCount, 1, 1));
        return Enumerable.Range(0, BlockCount).Select(j => blocks[j]).ToArray();
    }

    private static double InverseFactorial(int k)
    {
        var value = 1.0;
        for (var i = 2; i <= k; i++) value /= i;
        return value;
    }
}
