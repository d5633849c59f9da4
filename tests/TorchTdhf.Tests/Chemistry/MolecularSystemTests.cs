using TorchSharp;
using TorchTdhf.Chemistry;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Chemistry;

public class MolecularSystemTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(ScfFixtures.ReferenceCases), MemberType = typeof(ScfFixtures))]
    public void GroundStateIsAPureStationaryStateWithTheRhfEnergy(string name)
    {
        using var system = MolecularSystem.Compute(name, ScfFixtures.Reference(name), source: ScfFixtures.ReferencePath(name));
        using var scope = torch.NewDisposeScope();
        var m = system.OrbitalCount;
        var p = system.GroundStateDensity;
        Assert.Equal(ScalarType.ComplexFloat64, p.dtype);
        Assert.Equal(new long[] { m, m }, p.shape);
        var hermitian = MaxAbs(p - p.mH);
        var trace = torch.real(p.trace()).item<double>();
        var idempotency = MaxAbs(p.matmul(p) - 2 * p);
        var energyError = Math.Abs(system.Energy(p) - system.Rhf!.TotalEnergy);
        var f = system.Fock(p);
        var commutator = MaxAbs(f.matmul(p) - p.matmul(f));
        var hEigenvalues = torch.linalg.eigvalsh(system.CoreHamiltonian).data<double>().ToArray();
        var hError = ScfFixtures.MaxAbsDifference(hEigenvalues, ScfFixtures.Invariant(name, "core_hamiltonian_orthonormal_eigenvalues"));
        output.WriteLine($"{name}: |P−P†| {hermitian:E1}, |TrP−N| {Math.Abs(trace - system.ElectronCount):E1}, |P²−2P| {idempotency:E1}, " +
                         $"|ΔE| {energyError:E1}, |[F,P]| {commutator:E1}, max |Δ eig h| {hError:E1}");
        Assert.True(hermitian <= 1e-12);
        Assert.True(Math.Abs(trace - system.ElectronCount) <= 1e-10);
        Assert.True(idempotency <= 1e-10);
        Assert.True(energyError <= 1e-10, $"|ΔE| = {energyError:E3}");
        // At round-off, so that the ground state stays put under field-free propagation (P drifts by about |[F, P]|·t).
        Assert.True(commutator <= 2e-13, $"|[F, P0]| = {commutator:E3}");
        Assert.True(hError <= 1e-9, $"max |Δ eig h| = {hError:E3}");
    }

    [Fact]
    public void OrthonormalPiecesAgreeWithTheAoBasis()
    {
        var integrals = ScfFixtures.Reference("h2o_sto-3g");
        using var system = MolecularSystem.Compute("h2o", integrals);
        using var scope = torch.NewDisposeScope();
        var m = system.OrbitalCount;
        Assert.Equal(new long[] { 3, m, m }, system.Position.shape);
        Assert.Equal(new long[] { m, m, m, m }, system.Eri.shape);
        Assert.Equal(new long[] { system.FunctionCount, m }, system.X.shape);

        var ao = torch.tensor(system.Rhf!.Density.Cast<double>().ToArray(), new long[] { system.FunctionCount, system.FunctionCount }, ScalarType.Float64);
        Assert.True(MaxAbs(system.ToAoDensity(system.GroundStateDensity).real - ao) <= 1e-12);
        Assert.True(MaxAbs(system.ToOrthonormalDensity(ao) - torch.real(system.GroundStateDensity)) <= 1e-12);

        // Electronic dipole −Tr[P r_z] from the orthonormal pieces equals the psi4 value computed in the AO basis.
        var dipole = -torch.real((system.GroundStateDensity * system.Position[2].mT).sum()).item<double>();
        var reference = ScfFixtures.InvariantScalar("h2o_sto-3g", "dipole_electronic_z");
        Assert.True(Math.Abs(dipole - reference) <= 1e-8, $"{dipole} vs {reference}");

        // (ij|kl) keeps the 8-fold permutational symmetry of real orbitals.
        Assert.True(MaxAbs(system.Eri - system.Eri.permute(1, 0, 2, 3)) <= 1e-12);
        Assert.True(MaxAbs(system.Eri - system.Eri.permute(2, 3, 0, 1)) <= 1e-12);
    }

    [Fact]
    public void TwoElectronPotentialActsOnBatchesAndComplexDensities()
    {
        using var system = MolecularSystem.Compute("lih", ScfFixtures.Reference("lih_6-31g"));
        using var scope = torch.NewDisposeScope();
        var m = system.OrbitalCount;
        var generator = torch.manual_seed(7);
        var a = torch.randn(new long[] { 3, m, m }, ScalarType.Float64, generator: generator);
        var b = torch.randn(new long[] { 3, m, m }, ScalarType.Float64, generator: generator);
        var p = torch.complex(a + a.mT, b - b.mT);
        var batch = system.TwoElectronPotential(p);
        Assert.Equal(p.shape, batch.shape);
        for (var k = 0; k < 3; k++)
        {
            Assert.True(MaxAbs(batch[k] - system.TwoElectronPotential(p[k])) <= 1e-12);
            var real = system.TwoElectronPotential(p[k].real);
            var imag = system.TwoElectronPotential(p[k].imag);
            Assert.True(MaxAbs(batch[k] - torch.complex(real, imag)) <= 1e-12);
        }
        // Against the index formula G_ij = Σ_kl [(ij|kl) − ½(ik|jl)] P_kl, written with einsum.
        var direct = torch.einsum("ijkl,kl->ij", system.Eri, a[0]) - 0.5 * torch.einsum("ikjl,kl->ij", system.Eri, a[0]);
        Assert.True(MaxAbs(system.TwoElectronPotential(a[0]) - direct) <= 1e-12);
        // Real densities take the same path twice: the system's own tensors must survive the first call.
        for (var k = 0; k < 2; k++)
            Assert.True(MaxAbs(system.Fock(a[0]) - system.CoreHamiltonian - direct) <= 1e-12);
        Assert.True(MaxAbs(system.ToAoDensity(a[0])) > 0 && MaxAbs(system.X) > 0);
        Assert.Throws<ArgumentException>(() => system.TwoElectronPotential(torch.zeros(m + 1, m + 1, dtype: ScalarType.Float64)));
    }

    [Fact]
    public void DroppedFunctionsShrinkTheOrthonormalBasis()
    {
        var duplicated = OrthonormalBasisTests.Duplicate(ScfFixtures.Reference("heh+_6-31g"), 2);
        using var system = MolecularSystem.Compute("heh+ duplicated", duplicated);
        using var scope = torch.NewDisposeScope();
        Assert.Equal(5, system.FunctionCount);
        Assert.Equal(4, system.OrbitalCount);
        Assert.Equal(new long[] { 4, 4, 4, 4 }, system.Eri.shape);
        Assert.Equal(new long[] { 5, 4 }, system.X.shape);
        var p = system.GroundStateDensity;
        Assert.True(MaxAbs(p.matmul(p) - 2 * p) <= 1e-10);
        var reference = ScfFixtures.Scalar(ScfFixtures.ReferencePath("heh+_6-31g"), "e_rhf");
        Assert.True(Math.Abs(system.Energy(p) - reference) <= 1e-8);
        Assert.Equal("1", system.Metadata["n_dropped"]);
    }

    [Fact]
    public void FingerprintIsDeterministicAndSensitive()
    {
        var a = ScfFixtures.Reference("heh+_6-31g");
        var b = ScfFixtures.Reference("heh+_6-31g");
        var fingerprint = IntegralFingerprint.Compute(a);
        Assert.Matches("^[0-9a-f]{64}$", fingerprint);
        Assert.Equal(fingerprint, IntegralFingerprint.Compute(b));
        var fewer = new AoIntegrals(a.Overlap, a.Kinetic, a.Potential, a.Position, a.Eri, a.NuclearRepulsion, 4);
        Assert.NotEqual(fingerprint, IntegralFingerprint.Compute(fewer));
        b.Eri[5] += 1e-15;
        Assert.NotEqual(fingerprint, IntegralFingerprint.Compute(b));
        using var system = MolecularSystem.Compute("heh+", a);
        Assert.Equal(fingerprint, system.Fingerprint);
        Assert.Equal(fingerprint, system.Metadata["fingerprint"]);
        Assert.Equal("2", system.Metadata["n_electrons"]);
    }

    internal static double MaxAbs(Tensor t) => t.abs().max().item<double>();
}
