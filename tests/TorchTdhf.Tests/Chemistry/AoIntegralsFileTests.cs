using System.Numerics;
using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.IO;
using Xunit.Abstractions;

namespace TorchTdhf.Tests.Chemistry;

public class AoIntegralsFileTests(ITestOutputHelper output)
{
    private static readonly AoIntegralsFileOptions Paper = new() { PaperConvention = true };

    [Theory]
    [MemberData(nameof(ScfFixtures.PaperCases), MemberType = typeof(ScfFixtures))]
    public void PaperIntegralsGiveTheirRhfEnergy(string name)
    {
        var path = ScfFixtures.PaperPath(name);
        var imported = AoIntegralsFile.Read(path, Paper);
        Assert.NotNull(imported.Basis);
        var rhf = Rhf.Solve(imported.Integrals, basis: imported.Basis, source: path);
        var error = Math.Abs(rhf.TotalEnergy - ScfFixtures.Scalar(path, "e_rhf"));
        output.WriteLine($"{name} (paper): E_RHF {rhf.TotalEnergy:F12}, |ΔE| = {error:E2} Eh");
        Assert.True(error <= 1e-8, $"|ΔE| = {error:E3}");
        var canonical = Rhf.Solve(imported.Integrals);
        Assert.True(Math.Abs(canonical.TotalEnergy - rhf.TotalEnergy) <= 1e-10);
    }

    [Fact]
    public void PaperDensityIsConvertedToTraceNAndConjugated()
    {
        var path = ScfFixtures.PaperPath("heh+_6-31g");
        var imported = AoIntegralsFile.Read(path, Paper);
        var raw = ScfFixtures.AllArrays(path)["p0_orthonormal"].ToComplexArray();
        var p = imported.Density!;
        var m = p.GetLength(0);
        Assert.Equal(2 * Complex.Conjugate(raw[1]), p[0, 1]);
        var trace = Enumerable.Range(0, m).Select(i => p[i, i]).Aggregate(Complex.Add);
        Assert.True(Complex.Abs(trace - 2) < 1e-5);

        // The README's energy of the determinant P_AO = 2 X p0 Xᵀ, which is not the SCF ground state.
        using var system = AoIntegralsFile.ReadSystem(path, Paper with { UseFileDensity = true });
        var energy = system.Energy(system.GroundStateDensity);
        output.WriteLine($"E(p0) = {energy:F8}");
        Assert.True(Math.Abs(energy - -2.660692) < 2e-6, $"E(p0) = {energy}");

        var error = Assert.Throws<TdhfInputException>(() => AoIntegralsFile.Read(path));
        Assert.Equal("p0_orthonormal", error.Key);
        Assert.Contains(path, error.Message);
        Assert.Contains("PaperConvention", error.Message);
        output.WriteLine(error.Message);
    }

    [Fact]
    public void WrittenSystemReadsBack()
    {
        using var folder = new TempFolder();
        var file = folder.File("lih_system.npz");
        using var system = AoIntegralsFile.ReadSystem(ScfFixtures.ReferencePath("lih_6-31g"));
        AoIntegralsFile.Write(system, file);

        var arrays = ScfFixtures.AllArrays(file);
        foreach (var key in new[] { "x", "overlap_eigenvalues", "core_hamiltonian_orthonormal", "position_orthonormal", "eri_orthonormal",
                     "p0_orthonormal", "e_rhf", "orbital_energies", "mo_coeff", "density_ao", "n_electrons", "nuclear_repulsion" })
            Assert.True(arrays.ContainsKey(key), key);
        var m = system.OrbitalCount;
        Assert.Equal(new long[] { 3, m, m }, arrays["position_orthonormal"].Shape);
        Assert.Equal(NpyDType.Complex128, arrays["p0_orthonormal"].DType);
        Assert.Equal(system.Rhf!.TotalEnergy, arrays["e_rhf"].ScalarDouble());

        var back = AoIntegralsFile.Read(file);
        Assert.Equal(system.Integrals.Eri, back.Integrals.Eri);
        Assert.Equal(system.Integrals.Overlap, back.Integrals.Overlap);
        Assert.Equal(system.Basis.X, back.Basis!.X);
        using var scope = torch.NewDisposeScope();
        var values = back.Density!.Cast<Complex>().ToArray();
        var shape = new long[] { m, m };
        // Built from float64 parts: a tensor over a managed Complex[] is misaligned for libtorch's complex kernels.
        var p0 = torch.complex(torch.tensor(values.Select(v => v.Real).ToArray(), shape), torch.tensor(values.Select(v => v.Imaginary).ToArray(), shape));
        Assert.True(MolecularSystemTests.MaxAbs(p0 - system.GroundStateDensity) == 0);
        using var reread = AoIntegralsFile.ReadSystem(file, new AoIntegralsFileOptions { UseFileDensity = true });
        Assert.True(Math.Abs(reread.Energy(reread.GroundStateDensity) - system.Rhf.TotalEnergy) <= 1e-10);
        Assert.Equal(system.Fingerprint, reread.Fingerprint);
    }

    [Fact]
    public void MissingKeyIsNamed()
    {
        var error = Rewrite(a => a.Remove("kinetic"));
        Assert.Equal("kinetic", error.Key);
        Assert.Contains("missing key", error.Message);
        output.WriteLine(error.Message);
    }

    [Fact]
    public void InconsistentShapesAreNamed()
    {
        var kinetic = Rewrite(a => a["kinetic"] = NpyArray.Of(new double[9], 3, 3));
        Assert.Equal("kinetic", kinetic.Key);
        Assert.Contains("(4, 4)", kinetic.Message);
        Assert.Contains("(3, 3)", kinetic.Message);
        var eri = Rewrite(a => a["eri"] = NpyArray.Of(new double[64], 4, 4, 4));
        Assert.Equal("eri", eri.Key);
        Assert.Contains("(4, 4, 4, 4)", eri.Message);
        var x = Rewrite(a => a["x"] = NpyArray.Of(new double[12], 3, 4));
        Assert.Equal("x", x.Key);
    }

    [Fact]
    public void NonFiniteNumbersAreNamed()
    {
        var error = Rewrite(a =>
        {
            var v = a["potential"].ToDoubleArray().ToArray();
            v[5] = double.NaN;
            a["potential"] = NpyArray.Of(v, 4, 4);
        });
        Assert.Equal("potential", error.Key);
        Assert.Contains("NaN", error.Message);
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(0.0)]
    [InlineData(2.5)]
    public void BadElectronCountsAreNamed(double electrons)
    {
        var error = Rewrite(a => a["n_electrons"] = NpyArray.Scalar(electrons));
        Assert.Equal("n_electrons", error.Key);
        Assert.Contains("positive even integer", error.Message);
    }

    [Fact]
    public void DensityWithoutXIsRejected()
    {
        var error = Rewrite(a => a["p0_orthonormal"] = NpyArray.Of(new Complex[16], 4, 4));
        Assert.Equal("p0_orthonormal", error.Key);
        Assert.Contains("'x'", error.Message);
    }

    [Fact]
    public void AsymmetricMatrixIsNamed()
    {
        var error = Rewrite(a =>
        {
            var v = a["dipole_y"].ToDoubleArray().ToArray();
            v[1] += 0.1;
            a["dipole_y"] = NpyArray.Of(v, 4, 4);
        });
        Assert.Equal("dipole_y", error.Key);
    }

    [Fact]
    public void MissingFileIsNamed()
    {
        var error = Assert.Throws<TdhfInputException>(() => AoIntegralsFile.Read("/nonexistent/integrals.npz"));
        Assert.Contains("/nonexistent/integrals.npz", error.Message);
    }

    /// <summary>Reads a copy of the HeH+ reference archive changed by <paramref name="defect"/>, expecting an error that names the copy.</summary>
    private static TdhfInputException Rewrite(Action<Dictionary<string, NpyArray>> defect)
    {
        using var folder = new TempFolder();
        var path = folder.File("defective.npz");
        var arrays = ScfFixtures.AllArrays(ScfFixtures.ReferencePath("heh+_6-31g"));
        defect(arrays);
        Npz.Write(path, arrays);
        var error = Assert.Throws<TdhfInputException>(() => AoIntegralsFile.Read(path));
        Assert.Contains(path, error.Message);
        Assert.Contains($"[{error.Key}]", error.Message);
        return error;
    }
}
