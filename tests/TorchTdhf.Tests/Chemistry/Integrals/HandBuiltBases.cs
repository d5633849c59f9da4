using TorchTdhf.Chemistry;

namespace TorchTdhf.Tests.Chemistry.Integrals;

/// <summary>Small bases built in code for properties that the psi4 cases do not reach (f shells, screening).</summary>
internal static class HandBuiltBases
{
    /// <summary>
    /// N and H at general positions with contracted s, p, d and f shells on N and s, p, d on H: every quartet class
    /// up to (ff|ff), Boys orders up to 12. 30 functions Cartesian, 25 pure.
    /// </summary>
    public static AoBasis NitrogenHydrogenDf(bool pure, (double X, double Y, double Z) shift = default)
    {
        var atoms = new[]
        {
            new Atom(7, 0.1 + shift.X, -0.2 + shift.Y, 0.3 + shift.Z),
            new Atom(1, 1.2 + shift.X, 0.9 + shift.Y, -0.8 + shift.Z),
        };
        var definitions = new (int Atom, int L, double[] Exponents, double[] Coefficients)[]
        {
            (0, 0, [99.106169, 18.052312, 4.8856602], [0.15432897, 0.53532814, 0.44463454]),
            (0, 1, [5.0, 1.2], [0.3, 0.8]),
            (0, 2, [2.837, 0.968], [0.5, 0.6]),
            (0, 3, [2.0, 0.7], [0.4, 0.7]),
            (1, 0, [3.42525091, 0.62391373, 0.16885540], [0.15432897, 0.53532814, 0.44463454]),
            (1, 1, [0.727], [1.0]),
            (1, 2, [1.057], [1.0]),
        };
        return Build(atoms, definitions, pure, "N-H spdf");
    }

    /// <summary>
    /// A chain of hydrogen atoms 7 bohr apart with a tight and a diffuse s and a p shell each: most shell pairs
    /// between distant atoms fall below the Schwarz threshold.
    /// </summary>
    public static AoBasis HydrogenChain(int atoms)
    {
        var nuclei = Enumerable.Range(0, atoms).Select(i => new Atom(1, 0.3 * i, 0.1 * i, 7.0 * i)).ToArray();
        var definitions = Enumerable.Range(0, atoms).SelectMany(a => new (int, int, double[], double[])[]
        {
            (a, 0, [18.731137, 2.8253937, 0.6401217], [0.0334946, 0.23472695, 0.81375733]),
            (a, 0, [0.1612778], [1.0]),
            (a, 1, [1.1], [1.0]),
        }).ToArray();
        return Build(nuclei, definitions, pure: false, "H chain");
    }

    private static AoBasis Build(IReadOnlyList<Atom> atoms, IEnumerable<(int Atom, int L, double[] Exponents, double[] Coefficients)> definitions, bool pure, string name)
    {
        var shells = new List<Shell>();
        var next = 0;
        foreach (var (atom, l, exponents, coefficients) in definitions)
        {
            var a = atoms[atom];
            var shell = new Shell(l, pure, exponents, coefficients, atom, (a.X, a.Y, a.Z), next);
            shells.Add(shell);
            next += shell.FunctionCount;
        }
        return new AoBasis(atoms, shells, name);
    }
}
