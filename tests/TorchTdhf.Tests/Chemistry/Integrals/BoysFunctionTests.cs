using System.Runtime.Intrinsics;
using TorchTdhf.Chemistry.Integrals;

namespace TorchTdhf.Tests.Chemistry.Integrals;

/// <summary>The Boys function against Romberg quadrature of its defining integral, across the grid and beyond.</summary>
public sealed class BoysFunctionTests
{
    // Grid points, midpoints between them, both sides of the switch to the asymptotic branch, and far out.
    public static TheoryData<double> Arguments => new()
    {
        0.0, 1e-9, 0.01, 0.024, 0.026, 0.5, 1.0, 2.5, 7.77, 12.3, 20.0, 29.99, 35.97, 35.999, 36.0, 36.01, 40.0, 55.0, 80.0, 120.0, 500.0,
    };

    [Theory]
    [MemberData(nameof(Arguments))]
    public void MatchesQuadratureForEveryOrder(double t)
    {
        var f = new double[BoysFunction.MaxOrder + 1];

        BoysFunction.Shared.Evaluate(t, BoysFunction.MaxOrder, f);

        for (var m = 0; m <= BoysFunction.MaxOrder; m++)
        {
            var expected = Romberg(m, t);
            Assert.True(Math.Abs(f[m] - expected) <= 2e-14 * expected, $"F_{m}({t}) = {f[m]:R}, quadrature {expected:R}");
        }
    }

    [Fact]
    public void LowerMaximumOrderGivesTheSameValues()
    {
        var full = new double[BoysFunction.MaxOrder + 1];
        var part = new double[4];

        foreach (var t in new[] { 0.3, 17.2, 48.0 })
        {
            BoysFunction.Shared.Evaluate(t, BoysFunction.MaxOrder, full);
            BoysFunction.Shared.Evaluate(t, 3, part);
            for (var m = 0; m <= 3; m++) Assert.Equal(full[m], part[m], 1e-15 * full[m]);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(12)]
    public void VectorFormAgreesWithScalarForm(int order)
    {
        double[] ts = [0.0, 3.3, 35.99, 36.5, 0.024, 600.0, 12.0, 1e-3, 40.0, 55.5, 36.0, 3000.0];
        var scalar = new double[order + 1];
        var lanes = new double[4 * (order + 1)];
        for (var start = 0; start < ts.Length; start += 4)
        {
            BoysFunction.Shared.Evaluate(Vector256.Create(ts, start), order, lanes.AsSpan());
            for (var lane = 0; lane < 4; lane++)
            {
                BoysFunction.Shared.Evaluate(ts[start + lane], order, scalar);
                for (var m = 0; m <= order; m++) Assert.Equal(scalar[m], lanes[4 * m + lane], 1e-15 * scalar[m]);
            }
        }
    }

    // ∫₀¹ u^{2m} exp(−t u²) du by Romberg extrapolation of the trapezoid rule (the integrand is smooth).
    private static double Romberg(int m, double t)
    {
        double Integrand(double u) => Math.Pow(u, 2 * m) * Math.Exp(-t * u * u);
        const int levels = 14;
        var r = new double[levels, levels];
        r[0, 0] = 0.5 * (Integrand(0) + Integrand(1));
        for (var k = 1; k < levels; k++)
        {
            var h = 1.0 / (1 << k);
            var sum = 0.0;
            for (var i = 1; i < (1 << k); i += 2) sum += Integrand(i * h);
            r[k, 0] = 0.5 * r[k - 1, 0] + h * sum;
            var factor = 1.0;
            for (var j = 1; j <= k; j++)
            {
                factor *= 4;
                r[k, j] = r[k, j - 1] + (r[k, j - 1] - r[k - 1, j - 1]) / (factor - 1);
            }
        }
        return r[levels - 1, levels - 1];
    }
}
