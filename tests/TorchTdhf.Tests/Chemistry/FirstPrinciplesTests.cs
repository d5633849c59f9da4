using TorchSharp;
using TorchTdhf.Chemistry;

namespace TorchTdhf.Tests.Chemistry;

/// <summary>
/// The whole first-principles pipeline (shipped molecule and basis → our integrals → RHF → orthonormal basis)
/// against psi4 1.3.2 (fixtures copied from ../shared/reference).
/// </summary>
public class FirstPrinciplesTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "h2o_sto-3g", "h2o", "sto-3g" },
        { "heh+_6-31g", "heh+", "6-31g" },
        { "lih_6-31g", "lih", "6-31g" },
        { "c2h4_sto-3g", "c2h4", "sto-3g" },
        { "h2o_6-31gs", "h2o", "6-31G*" },
        { "nh3_cc-pvdz", "nh3", "cc-pVDZ" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPsi4(string reference, string molecule, string basis)
    {
        var builder = new MolecularSystemBuilder();
        var (mol, ao) = builder.Resolve(new SystemSpec(molecule, basis));
        using var system = MolecularSystem.Compute(reference, MolecularSystemBuilder.Integrals(mol, ao), aoBasis: ao);

        Assert.Equal(ScfFixtures.Scalar(ScfFixtures.ReferencePath(reference), "e_rhf"), system.Rhf!.TotalEnergy, 1e-8);
        AssertClose(ScfFixtures.Invariant(reference, "core_hamiltonian_orthonormal_eigenvalues"), Eigenvalues(system.CoreHamiltonian), 1e-9);
        AssertClose(ScfFixtures.Invariant(reference, "overlap_eigenvalues"), Psi4OverlapEigenvalues(system.Integrals.Overlap, ao), 1e-9);
    }

    private static double[] Eigenvalues(torch.Tensor symmetric)
    {
        using var values = torch.linalg.eigvalsh(symmetric);
        return values.data<double>().ToArray();
    }

    /// <summary>
    /// psi4 normalises a Cartesian shell once (as x^l), so its component x^i y^j z^k has self-overlap
    /// (2i−1)!!(2j−1)!!(2k−1)!!/(2l−1)!!; ours are all 1. Rescaling our S to psi4's normalisation makes the
    /// eigenvalues comparable.
    /// </summary>
    private static double[] Psi4OverlapEigenvalues(double[,] overlap, AoBasis basis)
    {
        var scale = new double[basis.FunctionCount];
        foreach (var shell in basis.Shells)
        {
            var components = AoFunctionLabels.Components(shell.L, shell.Pure);
            for (var c = 0; c < components.Count; c++)
            {
                var component = components[c];
                var cartesian = !shell.Pure && shell.L >= 2;
                scale[shell.FirstFunction + c] = cartesian
                    ? Math.Sqrt(DoubleFactorial(component.Count(ch => ch == 'x')) * DoubleFactorial(component.Count(ch => ch == 'y'))
                                * DoubleFactorial(component.Count(ch => ch == 'z')) / DoubleFactorial(shell.L))
                    : 1;
            }
        }
        var n = basis.FunctionCount;
        var scaled = new double[n, n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
            scaled[i, j] = scale[i] * overlap[i, j] * scale[j];
        using var s = torch.tensor(scaled);
        return Eigenvalues(s);
    }

    // (2p − 1)!!
    private static double DoubleFactorial(int power)
    {
        var result = 1.0;
        for (var k = 2 * power - 1; k > 1; k -= 2) result *= k;
        return result;
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= tolerance, $"max deviation {worst:E2} > {tolerance:E0}");
    }
}
