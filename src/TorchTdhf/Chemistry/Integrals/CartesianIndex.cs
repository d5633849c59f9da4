namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// Numbering of Cartesian monomials x^i y^j z^k. Within one degree L the order is the AO order of
/// <see cref="AoBasis"/> (descending powers of x, then of y); across degrees the "combined" index lists all
/// monomials of degree 0, then 1, then 2, …, which is what the recurrences address.
/// </summary>
internal static class CartesianIndex
{
    /// <summary>Highest degree tabulated: (ff| builds monomials up to degree 6; one-electron kinetic terms need l + 2.</summary>
    public const int MaxDegree = 8;

    /// <summary>Number of monomials of degree <paramref name="l"/>.</summary>
    public static int Count(int l) => (l + 1) * (l + 2) / 2;

    /// <summary>Number of monomials of degree below <paramref name="l"/>: the combined index of the first one of degree l.</summary>
    public static int Offset(int l) => l * (l + 1) * (l + 2) / 6;

    /// <summary>Position of x^i y^j z^k among the monomials of its degree.</summary>
    public static int InDegree(int i, int j, int k)
    {
        var yz = j + k;
        return yz * (yz + 1) / 2 + k;
    }

    /// <summary>Combined index of x^i y^j z^k.</summary>
    public static int Combined(int i, int j, int k) => Offset(i + j + k) + InDegree(i, j, k);

    /// <summary>Exponents (x, y, z) of each combined index, as three entries per monomial.</summary>
    public static readonly int[] Powers = BuildPowers();

    /// <summary>Degree of each combined index.</summary>
    public static readonly int[] Degree = BuildDegree();

    /// <summary>Combined index of the monomial divided by the coordinate <c>dir</c> (entry 3·c + dir), −1 where that power is zero.</summary>
    public static readonly int[] Lower = BuildLower();

    /// <summary>Exponent of coordinate <paramref name="dir"/> (0 = x, 1 = y, 2 = z) in combined monomial <paramref name="c"/>.</summary>
    public static int Power(int c, int dir) => Powers[3 * c + dir];

    private static int[] BuildPowers()
    {
        var powers = new int[3 * Offset(MaxDegree + 1)];
        var c = 0;
        for (var l = 0; l <= MaxDegree; l++)
        {
            for (var i = l; i >= 0; i--)
            {
                for (var j = l - i; j >= 0; j--)
                {
                    powers[3 * c] = i;
                    powers[3 * c + 1] = j;
                    powers[3 * c + 2] = l - i - j;
                    c++;
                }
            }
        }
        return powers;
    }

    private static int[] BuildDegree()
    {
        var n = Offset(MaxDegree + 1);
        var degree = new int[n];
        for (var c = 0; c < n; c++) degree[c] = Powers[3 * c] + Powers[3 * c + 1] + Powers[3 * c + 2];
        return degree;
    }

    private static int[] BuildLower()
    {
        var n = Offset(MaxDegree + 1);
        var lower = new int[3 * n];
        for (var c = 0; c < n; c++)
        {
            for (var dir = 0; dir < 3; dir++)
            {
                if (Powers[3 * c + dir] == 0)
                {
                    lower[3 * c + dir] = -1;
                    continue;
                }
                int i = Powers[3 * c], j = Powers[3 * c + 1], k = Powers[3 * c + 2];
                lower[3 * c + dir] = dir switch { 0 => Combined(i - 1, j, k), 1 => Combined(i, j - 1, k), _ => Combined(i, j, k - 1) };
            }
        }
        return lower;
    }
}
