using TorchTdhf.Chemistry.Integrals;

namespace TorchTdhf.Tests.Chemistry.Integrals;

/// <summary>Every integral against psi4 1.3.2, element by element after mapping order and normalisation.</summary>
public sealed class Psi4ReferenceTests
{
    private const double Tolerance = 1e-10;

    public static TheoryData<string> Cases => Psi4ReferenceCase.All;

    [Theory]
    [MemberData(nameof(Cases))]
    public void OneElectronIntegralsMatchPsi4(string name)
    {
        var reference = Psi4ReferenceCase.Load(name);
        var basis = reference.Basis;

        AssertClose(reference.Matrix("overlap"), IntegralEngine.Overlap(basis));
        AssertClose(reference.Matrix("kinetic"), IntegralEngine.Kinetic(basis));
        AssertClose(reference.Matrix("potential"), IntegralEngine.NuclearAttraction(basis));
        var position = IntegralEngine.Position(basis);
        AssertClose(reference.Matrix("dipole_x"), position[0]);
        AssertClose(reference.Matrix("dipole_y"), position[1]);
        AssertClose(reference.Matrix("dipole_z"), position[2]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ElectronRepulsionIntegralsMatchPsi4(string name)
    {
        var reference = Psi4ReferenceCase.Load(name);

        var eri = IntegralEngine.ElectronRepulsion(reference.Basis);

        var expected = reference.Eri();
        Assert.Equal(expected.Length, eri.Length);
        var worst = 0.0;
        for (var i = 0; i < eri.Length; i++) worst = Math.Max(worst, Math.Abs(eri[i] - expected[i]));
        Assert.True(worst <= Tolerance, $"{name}: max |ΔERI| = {worst:E2}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ComputeBundlesTheSameIntegrals(string name)
    {
        var reference = Psi4ReferenceCase.Load(name);

        var integrals = IntegralEngine.Compute(reference.Basis, electronCount: 10, nuclearRepulsion: 1.5);

        Assert.Equal(reference.N, integrals.FunctionCount);
        Assert.Equal(10, integrals.ElectronCount);
        Assert.Equal(1.5, integrals.NuclearRepulsion);
        AssertClose(reference.Matrix("overlap"), integrals.Overlap);
        AssertClose(reference.Matrix("potential"), integrals.Potential);
        AssertClose(reference.Matrix("dipole_z"), integrals.Position[2]);
        Assert.Equal(IntegralEngine.ElectronRepulsion(reference.Basis), integrals.Eri);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NuclearAttractionIsNegativeDefinite(string name)
    {
        var v = IntegralEngine.NuclearAttraction(Psi4ReferenceCase.Load(name).Basis);

        Assert.True(Matrices.IsPositiveDefinite(Matrices.Scale(v, -1.0)));
    }

    private static void AssertClose(double[,] expected, double[,] actual)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        var worst = 0.0;
        for (var i = 0; i < expected.GetLength(0); i++)
        {
            for (var j = 0; j < expected.GetLength(1); j++) worst = Math.Max(worst, Math.Abs(expected[i, j] - actual[i, j]));
        }
        Assert.True(worst <= Tolerance, $"max |Δ| = {worst:E2}");
    }
}
