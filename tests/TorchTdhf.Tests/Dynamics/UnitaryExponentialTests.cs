using TorchSharp;
using TorchTdhf.Dynamics;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics;

public class UnitaryExponentialTests
{
    [Theory]
    [InlineData(1, 0.3)]
    [InlineData(4, 0.05)]
    [InlineData(7, 0.3)]
    [InlineData(12, 1.5)]
    [InlineData(12, -0.7)]
    public void MatchesTheEigendecompositionAndIsUnitary(int n, double scale)
    {
        using var scope = torch.NewDisposeScope();
        var hermitian = Models.TruePotentialTests.RandomHermitian(5, n, seed: n);
        var norm = Math.Abs(scale) * torch.linalg.matrix_norm(hermitian).max().item<double>();
        var unitary = UnitaryExponential.Of(hermitian, scale);
        var (values, vectors) = torch.linalg.eigh(hermitian);
        var phases = torch.complex((values * scale).cos(), -(values * scale).sin());
        var expected = (vectors * phases.unsqueeze(-2)).matmul(vectors.mH);
        var identity = torch.eye(n, dtype: ScalarType.ComplexFloat64);
        Assert.True((unitary - expected).abs().max().item<double>() < 1e-13, $"‖τH‖_F ≤ {norm:F2}");
        Assert.True((unitary.matmul(unitary.mH) - identity).abs().max().item<double>() < 1e-14, $"‖τH‖_F ≤ {norm:F2}");
    }

    [Fact]
    public void ScalesAndSquaresLargeGenerators()
    {
        using var scope = torch.NewDisposeScope();
        var hermitian = Models.TruePotentialTests.RandomHermitian(3, 6, seed: 2);
        // ‖τH‖_F well above the reach, so several squarings are needed.
        var scale = 8 * UnitaryExponential.Reach / torch.linalg.matrix_norm(hermitian).max().item<double>();
        var half = UnitaryExponential.Of(hermitian, scale / 2);
        var whole = UnitaryExponential.Of(hermitian, scale);
        Assert.True((half.matmul(half) - whole).abs().max().item<double>() < 1e-13);
    }

    [Fact]
    public void DegreeMeetsTheStatedReach()
    {
        // Σ_{k>m} ρᵏ/k! at ρ = Reach: the truncation error bound the reach is chosen by.
        var tail = 0.0;
        var term = 1.0;
        for (var k = 1; k <= UnitaryExponential.Degree + 40; k++)
        {
            term *= UnitaryExponential.Reach / k;
            if (k > UnitaryExponential.Degree) tail += term;
        }
        Assert.True(tail <= Math.Pow(2, -53), $"tail {tail:E2}");
        Assert.Equal(8, UnitaryExponential.ProductsWithoutSquaring);
    }

    [Fact]
    public void NonFiniteGeneratorsGiveNonFiniteResultsWithoutLooping()
    {
        using var scope = torch.NewDisposeScope();
        var hermitian = Models.TruePotentialTests.RandomHermitian(2, 3, seed: 4);
        hermitian[0, 1, 1] = torch.tensor(double.PositiveInfinity);
        var unitary = UnitaryExponential.Of(hermitian, 0.1);
        Assert.False(unitary.isfinite().all().item<bool>());
    }
}
