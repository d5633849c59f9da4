using TorchTdhf.Chemistry;
using TorchTdhf.Chemistry.Integrals;

namespace TorchTdhf.Tests.Chemistry.Integrals;

/// <summary>
/// Pure d and f functions are fixed linear combinations of the unit-normalised Cartesian ones; integrals over
/// them must be the Cartesian integrals transformed, with coefficients from the standard tables (written out here,
/// independently of the engine's own derivation).
/// </summary>
public sealed class PureCartesianTests
{
    private static readonly double S3 = Math.Sqrt(3), S5 = Math.Sqrt(5);

    // Rows m = 0, +1, −1, +2, −2; columns xx, xy, xz, yy, yz, zz.
    private static readonly double[,] D =
    {
        { -0.5, 0, 0, -0.5, 0, 1 },
        { 0, 0, 1, 0, 0, 0 },
        { 0, 0, 0, 0, 1, 0 },
        { S3 / 2, 0, 0, -S3 / 2, 0, 0 },
        { 0, 1, 0, 0, 0, 0 },
    };

    // Rows m = 0, +1, −1, +2, −2, +3, −3; columns xxx, xxy, xxz, xyy, xyz, xzz, yyy, yyz, yzz, zzz.
    private static readonly double[,] F =
    {
        { 0, 0, -3 / (2 * S5), 0, 0, 0, 0, -3 / (2 * S5), 0, 1 },
        { -Math.Sqrt(6) / 4, 0, 0, -Math.Sqrt(3.0 / 40), 0, Math.Sqrt(6.0 / 5), 0, 0, 0, 0 },
        { 0, -Math.Sqrt(3.0 / 40), 0, 0, 0, 0, -Math.Sqrt(6) / 4, 0, Math.Sqrt(6.0 / 5), 0 },
        { 0, 0, S3 / 2, 0, 0, 0, 0, -S3 / 2, 0, 0 },
        { 0, 0, 0, 0, 1, 0, 0, 0, 0, 0 },
        { Math.Sqrt(10) / 4, 0, 0, -3 * Math.Sqrt(2) / 4, 0, 0, 0, 0, 0, 0 },
        { 0, 3 * Math.Sqrt(2) / 4, 0, 0, 0, 0, -Math.Sqrt(10) / 4, 0, 0, 0 },
    };

    private static readonly AoBasis Cartesian = HandBuiltBases.NitrogenHydrogenDf(pure: false);
    private static readonly AoBasis Pure = HandBuiltBases.NitrogenHydrogenDf(pure: true);

    [Fact]
    public void OneElectronIntegralsTransformLikeTheFunctions()
    {
        var m = CartesianToPure();

        Assert.True(Matrices.MaxAbsDifference(Matrices.Congruence(m, IntegralEngine.Overlap(Cartesian)), IntegralEngine.Overlap(Pure)) < 1e-12);
        Assert.True(Matrices.MaxAbsDifference(Matrices.Congruence(m, IntegralEngine.Kinetic(Cartesian)), IntegralEngine.Kinetic(Pure)) < 1e-11);
        Assert.True(Matrices.MaxAbsDifference(Matrices.Congruence(m, IntegralEngine.NuclearAttraction(Cartesian)), IntegralEngine.NuclearAttraction(Pure)) < 1e-11);
        var cartesianPosition = IntegralEngine.Position(Cartesian);
        var purePosition = IntegralEngine.Position(Pure);
        for (var k = 0; k < 3; k++) Assert.True(Matrices.MaxAbsDifference(Matrices.Congruence(m, cartesianPosition[k]), purePosition[k]) < 1e-12);
    }

    [Fact]
    public void ElectronRepulsionIntegralsTransformLikeTheFunctions()
    {
        var transformed = Matrices.TransformFourIndex(CartesianToPure(), IntegralEngine.ElectronRepulsion(Cartesian));

        var pure = IntegralEngine.ElectronRepulsion(Pure);

        Assert.True(Matrices.MaxAbsDifference(transformed, pure) < 1e-11);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryFunctionUpToFHasUnitSelfOverlap(bool pure)
    {
        var s = IntegralEngine.Overlap(HandBuiltBases.NitrogenHydrogenDf(pure));

        for (var i = 0; i < s.GetLength(0); i++) Assert.Equal(1.0, s[i, i], 1e-13);
    }

    // Block-diagonal: identity on s and p shells, the tables above on d and f.
    private static double[,] CartesianToPure()
    {
        var m = new double[Pure.FunctionCount, Cartesian.FunctionCount];
        for (var s = 0; s < Pure.Shells.Count; s++)
        {
            int row = Pure.Shells[s].FirstFunction, column = Cartesian.Shells[s].FirstFunction;
            var block = Pure.Shells[s].L switch
            {
                2 => D,
                3 => F,
                var l => Identity(l == 0 ? 1 : 3),
            };
            for (var i = 0; i < block.GetLength(0); i++)
            {
                for (var j = 0; j < block.GetLength(1); j++) m[row + i, column + j] = block[i, j];
            }
        }
        return m;
    }

    private static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++) m[i, i] = 1;
        return m;
    }
}
