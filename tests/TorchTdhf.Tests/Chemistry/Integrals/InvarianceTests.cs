using TorchTdhf.Chemistry.Integrals;

namespace TorchTdhf.Tests.Chemistry.Integrals;

/// <summary>Translating the molecule or the dipole origin changes only what it must.</summary>
public sealed class InvarianceTests
{
    private static readonly (double X, double Y, double Z) Shift = (0.37, -1.21, 2.05);

    [Fact]
    public void TranslatingTheMoleculeLeavesOverlapKineticAttractionAndRepulsionUnchanged()
    {
        var here = HandBuiltBases.NitrogenHydrogenDf(pure: true);
        var there = HandBuiltBases.NitrogenHydrogenDf(pure: true, Shift);

        Assert.True(Matrices.MaxAbsDifference(IntegralEngine.Overlap(here), IntegralEngine.Overlap(there)) < 1e-13);
        Assert.True(Matrices.MaxAbsDifference(IntegralEngine.Kinetic(here), IntegralEngine.Kinetic(there)) < 1e-12);
        Assert.True(Matrices.MaxAbsDifference(IntegralEngine.NuclearAttraction(here), IntegralEngine.NuclearAttraction(there)) < 1e-12);
        Assert.True(Matrices.MaxAbsDifference(IntegralEngine.ElectronRepulsion(here), IntegralEngine.ElectronRepulsion(there)) < 1e-12);
    }

    [Fact]
    public void TranslatingTheMoleculeShiftsPositionIntegralsByTheOverlap()
    {
        var here = HandBuiltBases.NitrogenHydrogenDf(pure: true);
        var there = HandBuiltBases.NitrogenHydrogenDf(pure: true, Shift);
        var s = IntegralEngine.Overlap(here);
        var before = IntegralEngine.Position(here);
        var after = IntegralEngine.Position(there);
        double[] shift = [Shift.X, Shift.Y, Shift.Z];

        for (var k = 0; k < 3; k++)
        {
            var expected = (double[,])before[k].Clone();
            for (var i = 0; i < s.GetLength(0); i++)
            {
                for (var j = 0; j < s.GetLength(1); j++) expected[i, j] += shift[k] * s[i, j];
            }
            Assert.True(Matrices.MaxAbsDifference(expected, after[k]) < 1e-12);
        }
    }

    [Fact]
    public void PositionIntegralsAboutTheMovedOriginMatchTheMovedMolecule()
    {
        var here = HandBuiltBases.NitrogenHydrogenDf(pure: false);
        var there = HandBuiltBases.NitrogenHydrogenDf(pure: false, Shift);

        var aboutShiftedOrigin = IntegralEngine.Position(there, Shift);
        var aboutOrigin = IntegralEngine.Position(here);

        for (var k = 0; k < 3; k++) Assert.True(Matrices.MaxAbsDifference(aboutOrigin[k], aboutShiftedOrigin[k]) < 1e-12);
    }

    [Fact]
    public void ComputeUsesTheDipoleOriginOption()
    {
        var basis = HandBuiltBases.NitrogenHydrogenDf(pure: true);

        var integrals = IntegralEngine.Compute(basis, 8, 0.0, new IntegralOptions { DipoleOrigin = Shift });

        var expected = IntegralEngine.Position(basis, Shift);
        for (var k = 0; k < 3; k++) Assert.Equal(expected[k], integrals.Position[k]);
    }
}
