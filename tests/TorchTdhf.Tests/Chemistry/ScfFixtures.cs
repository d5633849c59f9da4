using System.Text.Json;
using TorchTdhf.Chemistry;
using TorchTdhf.IO;

namespace TorchTdhf.Tests.Chemistry;

/// <summary>The psi4 reference and learningTDHF cases the SCF tests run on.</summary>
internal static class ScfFixtures
{
    /// <summary>Every psi4 reference case small enough for fast tests.</summary>
    public static TheoryData<string> ReferenceCases => new() { "heh+_6-31g", "lih_6-31g", "h2o_sto-3g", "c2h4_sto-3g", "h2o_6-31gs" };

    /// <summary>The two learningTDHF cases copied into the fixtures.</summary>
    public static TheoryData<string> PaperCases => new() { "heh+_6-31g", "lih_6-31g" };

    public static string ReferencePath(string name) => Fixtures.Reference(name + ".npz");

    public static string PaperPath(string name) => Path.Combine(Fixtures.Folder, "paper-data", name + ".npz");

    public static AoIntegrals Reference(string name) => AoIntegralsFile.Read(ReferencePath(name)).Integrals;

    /// <summary>A scalar stored in an archive, e.g. <c>e_rhf</c>.</summary>
    public static double Scalar(string path, string key)
    {
        using var z = NpzReader.Open(path);
        return z.Get(key).ScalarDouble();
    }

    /// <summary>A list of numbers under <c>invariants</c> in a reference case's JSON sidecar.</summary>
    public static double[] Invariant(string name, string key)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixtures.Reference(name + ".json")));
        return json.RootElement.GetProperty("invariants").GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();
    }

    /// <summary>A number under <c>invariants</c> in a reference case's JSON sidecar.</summary>
    public static double InvariantScalar(string name, string key)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixtures.Reference(name + ".json")));
        return json.RootElement.GetProperty("invariants").GetProperty(key).GetDouble();
    }

    /// <summary>Every array of an archive, to rewrite with a defect.</summary>
    public static Dictionary<string, NpyArray> AllArrays(string path)
    {
        using var z = NpzReader.Open(path);
        return z.Keys.ToDictionary(k => k, z.Get);
    }

    public static double MaxAbsDifference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        Assert.Equal(a.Count, b.Count);
        return a.Zip(b, (x, y) => Math.Abs(x - y)).DefaultIfEmpty(0).Max();
    }
}
