using TorchTdhf.Chemistry;
using Xunit.Abstractions;

namespace TorchTdhf.Tests.Chemistry;

public class OrthonormalBasisTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(ScfFixtures.ReferenceCases), MemberType = typeof(ScfFixtures))]
    public void OverlapEigenvaluesMatchReferenceAndXOrthonormalises(string name)
    {
        var integrals = ScfFixtures.Reference(name);
        var basis = OrthonormalBasis.Canonical(integrals.Overlap);
        var error = ScfFixtures.MaxAbsDifference(basis.OverlapEigenvalues, ScfFixtures.Invariant(name, "overlap_eigenvalues"));
        output.WriteLine($"{name}: max |Δs| = {error:E2}");
        Assert.True(error <= 1e-9, $"max |Δs| = {error:E3}");
        Assert.Equal(integrals.FunctionCount, basis.Count);
        Assert.Equal(0, basis.DroppedCount);
        var x = basis.X;
        Assert.True(RhfTests.MaxDeviationFromIdentity(RhfTests.Product(RhfTests.Transpose(x), integrals.Overlap, x)) < 1e-10);
    }

    [Fact]
    public void DuplicatedFunctionIsDroppedOrReported()
    {
        var duplicated = Duplicate(ScfFixtures.Reference("heh+_6-31g"), 0);

        var strict = new OrthonormalBasisOptions { AllowDropping = false };
        var error = Assert.Throws<TdhfInputException>(() => OrthonormalBasis.Canonical(duplicated.Overlap, strict, "dup.npz"));
        Assert.Equal("overlap", error.Key);
        Assert.Contains("dup.npz", error.Message);
        Assert.Contains("near-singular", error.Message);
        Assert.Contains("allow dropping", error.Message);
        Assert.Throws<TdhfInputException>(() => Rhf.Solve(duplicated, new RhfOptions { Orthonormalization = strict }));

        var basis = OrthonormalBasis.Canonical(duplicated.Overlap);
        Assert.Equal(5, basis.FunctionCount);
        Assert.Equal(4, basis.Count);
        Assert.Equal(1, basis.DroppedCount);
        Assert.True(basis.OverlapEigenvalues[0] < 1e-12);
        // Dropping the null combination leaves the original space, hence the original energy.
        var energy = Rhf.Solve(duplicated).TotalEnergy;
        Assert.True(Math.Abs(energy - ScfFixtures.Scalar(ScfFixtures.ReferencePath("heh+_6-31g"), "e_rhf")) <= 1e-8);
    }

    [Fact]
    public void GivenXIsCheckedAndKept()
    {
        var integrals = ScfFixtures.Reference("lih_6-31g");
        var canonical = OrthonormalBasis.Canonical(integrals.Overlap);
        var given = OrthonormalBasis.FromMatrix(canonical.X, integrals.Overlap, "lih.npz");
        Assert.Null(given.Threshold);
        Assert.Equal(canonical.X, given.X);
        Assert.Equal(canonical.OverlapEigenvalues.Count, given.OverlapEigenvalues.Count);

        var wrong = canonical.X;
        wrong[0, 0] *= 1.01;
        var error = Assert.Throws<TdhfInputException>(() => OrthonormalBasis.FromMatrix(wrong, integrals.Overlap, "lih.npz"));
        Assert.Equal("x", error.Key);
        Assert.Contains("XᵀSX", error.Message);
    }

    [Fact]
    public void AsymmetricOrIndefiniteOverlapIsRejected()
    {
        var s = new double[,] { { 1, 0.5 }, { 0.4, 1 } };
        Assert.Contains("not symmetric", Assert.Throws<TdhfInputException>(() => OrthonormalBasis.Canonical(s)).Message);
        var indefinite = new double[,] { { 1, 2 }, { 2, 1 } };
        Assert.Contains("positive semi-definite", Assert.Throws<TdhfInputException>(() => OrthonormalBasis.Canonical(indefinite)).Message);
    }

    /// <summary>The integrals of the basis with function <paramref name="f"/> appended once more.</summary>
    internal static AoIntegrals Duplicate(AoIntegrals a, int f)
    {
        var n = a.FunctionCount;
        var map = Enumerable.Range(0, n).Append(f).ToArray();
        var m = map.Length;
        double[,] Expand(double[,] x)
        {
            var y = new double[m, m];
            for (var i = 0; i < m; i++)
            for (var j = 0; j < m; j++)
                y[i, j] = x[map[i], map[j]];
            return y;
        }
        var eri = new double[m * m * m * m];
        for (var i = 0; i < m; i++)
        for (var j = 0; j < m; j++)
        for (var k = 0; k < m; k++)
        for (var l = 0; l < m; l++)
            eri[((i * m + j) * m + k) * m + l] = a.Eri[((map[i] * n + map[j]) * n + map[k]) * n + map[l]];
        return new AoIntegrals(Expand(a.Overlap), Expand(a.Kinetic), Expand(a.Potential), a.Position.Select(Expand).ToArray(), eri,
            a.NuclearRepulsion, a.ElectronCount);
    }
}
