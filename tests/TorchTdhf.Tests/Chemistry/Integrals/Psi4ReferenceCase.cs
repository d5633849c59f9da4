using System.Text.Json;
using TorchTdhf.Chemistry;
using TorchTdhf.IO;

namespace TorchTdhf.Tests.Chemistry.Integrals;

/// <summary>
/// A psi4 reference case (fixture JSON + npz) seen in our AO convention: the basis is built straight from the
/// JSON's geometry and shells, and every psi4 array is read through a map from our function index to psi4's
/// index and scale, taken from the JSON's <c>function_labels</c>.
/// </summary>
/// <remarks>
/// psi4 orders spherical p as (z, x, y) and normalises Cartesian d/f with one constant per shell (that of x^l), so
/// a component x^i y^j z^k has self-overlap Π(2i−1)!! / (2l−1)!!; ours are all unit-normalised, so
/// ours = psi4 · √((2l−1)!! / Π(2i−1)!!) per index.
/// </remarks>
internal sealed class Psi4ReferenceCase
{
    private readonly int[] _index;
    private readonly double[] _scale;

    private Psi4ReferenceCase(string name, AoBasis basis, int[] index, double[] scale)
    {
        Name = name;
        Basis = basis;
        _index = index;
        _scale = scale;
    }

    public string Name { get; }

    public AoBasis Basis { get; }

    public int N => Basis.FunctionCount;

    public static TheoryData<string> All => new() { "h2o_sto-3g", "heh+_6-31g", "lih_6-31g", "c2h4_sto-3g", "h2o_6-31gs", "nh3_cc-pvdz" };

    public static Psi4ReferenceCase Load(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixtures.Reference(name + ".json")));
        var root = json.RootElement;
        var atoms = root.GetProperty("geometry_bohr").EnumerateArray()
            .Select(a => new Atom(a[1].GetInt32(), a[2].GetDouble(), a[3].GetDouble(), a[4].GetDouble())).ToList();
        var pure = root.GetProperty("puream").GetBoolean();
        var labels = root.GetProperty("function_labels").EnumerateArray().Select(l => l.GetString()!).ToArray();
        var shells = new List<Shell>();
        var index = new List<int>();
        var scale = new List<double>();
        var next = 0;
        foreach (var s in root.GetProperty("shells").EnumerateArray())
        {
            var l = s.GetProperty("l").GetInt32();
            var atom = s.GetProperty("atom").GetInt32();
            var shell = new Shell(l, pure, Doubles(s.GetProperty("exponents")), Doubles(s.GetProperty("coefficients_as_in_basis_file")),
                atom, (atoms[atom].X, atoms[atom].Y, atoms[atom].Z), next);
            shells.Add(shell);
            var first = s.GetProperty("first_function").GetInt32();
            var theirs = Enumerable.Range(first, shell.FunctionCount).ToDictionary(i => Component(labels[i]), i => i);
            foreach (var component in AoFunctionLabels.Components(l, shell.Pure))
            {
                index.Add(theirs[component]);
                scale.Add(shell.Pure ? 1.0 : CartesianScale(component));
            }
            next += shell.FunctionCount;
        }
        return new Psi4ReferenceCase(name, new AoBasis(atoms, shells, name), index.ToArray(), scale.ToArray());
    }

    /// <summary>An [N, N] psi4 array in our convention.</summary>
    public double[,] Matrix(string key)
    {
        using var z = NpzReader.Open(Fixtures.Reference(Name + ".npz"));
        var flat = z.Get(key).ToDoubleArray();
        var result = new double[N, N];
        for (var m = 0; m < N; m++)
        {
            for (var n = 0; n < N; n++) result[m, n] = flat[_index[m] * N + _index[n]] * _scale[m] * _scale[n];
        }
        return result;
    }

    /// <summary>psi4's (mn|ls) in our convention, [N⁴] flat.</summary>
    public double[] Eri()
    {
        using var z = NpzReader.Open(Fixtures.Reference(Name + ".npz"));
        var flat = z.Get("eri").ToDoubleArray();
        var result = new double[flat.Length];
        long n = N;
        for (var m = 0; m < N; m++)
        {
            for (var k = 0; k < N; k++)
            {
                for (var l = 0; l < N; l++)
                {
                    for (var s = 0; s < N; s++)
                    {
                        var theirs = ((_index[m] * n + _index[k]) * n + _index[l]) * n + _index[s];
                        result[((m * n + k) * n + l) * n + s] = flat[theirs] * _scale[m] * _scale[k] * _scale[l] * _scale[s];
                    }
                }
            }
        }
        return result;
    }

    // "0:N:shell3:l=1:p+1(x)" → "x"; "…:px" → "x"; "…:dxy" → "xy"; "…:d+1(xz)" → "d+1"; "…:s" → "s".
    private static string Component(string label)
    {
        var component = label[(label.LastIndexOf(':') + 1)..];
        if (component == "s") return component;
        var paren = component.IndexOf('(');
        if (paren < 0) return component[1..];
        return component[0] == 'p' ? component[(paren + 1)..^1] : component[..paren];
    }

    private static double CartesianScale(string monomial)
    {
        var l = monomial.Length;
        var denominator = "xyz".Select(c => OddFactorial(2 * monomial.Count(x => x == c) - 1)).Aggregate(1.0, (a, b) => a * b);
        return l <= 1 ? 1.0 : Math.Sqrt(OddFactorial(2 * l - 1) / denominator);
    }

    private static double OddFactorial(int n)
    {
        var r = 1.0;
        for (var k = n; k > 1; k -= 2) r *= k;
        return r;
    }

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();
}
