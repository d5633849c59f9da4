using System.Numerics;
using TorchTdhf.Chemistry;
using TorchTdhf.Dynamics;
using TorchTdhf.IO;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics;

/// <summary>
/// A reference system and its field-on trajectory (shared/reference/trajectories): the psi4 AO integrals as a
/// <see cref="MolecularSystem"/> in the trajectory's own orthonormal basis X and around its initial density, so that
/// densities compare element by element with the reference.
/// </summary>
internal sealed class ReferenceCase : IDisposable
{
    private ReferenceCase(string name)
    {
        Name = name;
        var integrals = AoIntegralsFile.Read(AoFile(name)).Integrals;
        using var trajectory = NpzReader.Open(Path.Combine(Fixtures.Folder, "trajectories", name + "_field_on.npz"));
        var basis = OrthonormalBasis.FromMatrix(trajectory.Get("x").ToMatrix(), integrals.Overlap);
        System = MolecularSystem.FromDensity(name, integrals, basis, ToComplexMatrix(trajectory.Get("p0")));
        InitialDensity = System.GroundStateDensity.unsqueeze(0);
        Converged = trajectory.Get("p_converged").ToTensor();
        DipoleConverged = trajectory.Get("dipole_z_converged").ToDoubleArray();
        FieldOnGrid = trajectory.Get("field").ToDoubleArray();
        TimeStep = trajectory.Get("dt").ScalarDouble();
        Steps = (int)trajectory.Get("nsteps").ScalarLong();
        Stride = (int)trajectory.Get("stride").ScalarLong();
        SwitchOff = trajectory.Get("t_off").ScalarDouble();
        NuclearDipoleZ = trajectory.Get("dipole_z_nuclear").ScalarDouble();
        Potential = new TruePotential(System.Eri);
    }

    public static ReferenceCase HeHPlus() => new("heh+_6-31g");

    public static ReferenceCase Water() => new("h2o_sto-3g");

    /// <summary>The psi4 AO integrals file of a reference system.</summary>
    public static string AoFile(string name) => Path.Combine(Fixtures.Folder, "reference", name + ".npz");

    public string Name { get; }

    public MolecularSystem System { get; }

    /// <summary>h: [N, N] float64, orthonormal.</summary>
    public Tensor CoreHamiltonian => System.CoreHamiltonian;

    /// <summary>r: [3, N, N] float64, orthonormal.</summary>
    public Tensor Position => System.Position;

    /// <summary>(ij|kl): [N, N, N, N] float64, orthonormal.</summary>
    public Tensor Eri => System.Eri;

    public TruePotential Potential { get; }

    /// <summary>RHF ground state: [1, N, N] complex128, orthonormal.</summary>
    public Tensor InitialDensity { get; }

    /// <summary>Converged trajectory at every stride-th step: [201, N, N] complex128, orthonormal.</summary>
    public Tensor Converged { get; }

    /// <summary>Total μ_z at every step of the converged run.</summary>
    public double[] DipoleConverged { get; }

    /// <summary>E_z at every step time.</summary>
    public double[] FieldOnGrid { get; }

    public double TimeStep { get; }

    public int Steps { get; }

    public int Stride { get; }

    public double SwitchOff { get; }

    public int ElectronCount => System.ElectronCount;

    public double NuclearDipoleZ { get; }

    public int BasisSize => System.OrbitalCount;

    public TdhfEquation Equation(Field field) => new(System, Potential, field);

    public void Dispose()
    {
        Potential.Dispose();
        InitialDensity.Dispose();
        Converged.Dispose();
        System.Dispose();
    }

    private static Complex[,] ToComplexMatrix(NpyArray array)
    {
        var values = array.ToComplexArray();
        var n = (int)array.Shape[0];
        var matrix = new Complex[n, n];
        for (var k = 0; k < values.Length; k++) matrix[k / n, k % n] = values[k];
        return matrix;
    }
}
