using TorchSharp;
using TorchTdhf.IO;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics;

/// <summary>
/// A reference system and its field-on trajectory (shared/reference/trajectories): the orthonormal-basis pieces are
/// built here from the psi4 AO integrals and the trajectory's own X, so densities compare element by element.
/// </summary>
internal sealed class ReferenceCase : IDisposable
{
    private ReferenceCase(string name)
    {
        Name = name;
        using var scope = torch.NewDisposeScope();
        using var ao = NpzReader.Open(Path.Combine(Fixtures.Folder, "reference", name + ".npz"));
        using var trajectory = NpzReader.Open(Path.Combine(Fixtures.Folder, "trajectories", name + "_field_on.npz"));
        var x = trajectory.Get("x").ToTensor();
        var n = x.shape[0];
        CoreHamiltonian = x.mT.matmul(ao.Get("kinetic").ToTensor() + ao.Get("potential").ToTensor()).matmul(x);
        Position = torch.stack(new[] { "dipole_x", "dipole_y", "dipole_z" }.Select(k => x.mT.matmul(ao.Get(k).ToTensor()).matmul(x)));
        var pair = torch.kron(x, x);
        Eri = pair.mT.matmul(ao.Get("eri").ToTensor().reshape(n * n, n * n)).matmul(pair).reshape(n, n, n, n);
        InitialDensity = AlignedComplex(trajectory.Get("p0")).unsqueeze(0);
        Converged = AlignedComplex(trajectory.Get("p_converged"));
        DipoleConverged = trajectory.Get("dipole_z_converged").ToDoubleArray();
        FieldOnGrid = trajectory.Get("field").ToDoubleArray();
        TimeStep = trajectory.Get("dt").ScalarDouble();
        Steps = (int)trajectory.Get("nsteps").ScalarLong();
        Stride = (int)trajectory.Get("stride").ScalarLong();
        SwitchOff = trajectory.Get("t_off").ScalarDouble();
        ElectronCount = (int)trajectory.Get("n_electrons").ScalarLong();
        NuclearDipoleZ = trajectory.Get("dipole_z_nuclear").ScalarDouble();
        foreach (var kept in new[] { CoreHamiltonian, Position, Eri, InitialDensity, Converged }) kept.DetachFromDisposeScope();
        Potential = new TorchTdhf.Models.TruePotential(Eri);
    }

    /// <summary>
    /// A complex128 tensor in memory libtorch allocated. NpyArray.ToTensor wraps the managed Complex[] in place, which
    /// is only 8-byte aligned, and libtorch's complex128 kernels crash the process on such data.
    /// </summary>
    private static Tensor AlignedComplex(NpyArray array)
    {
        var values = array.ToComplexArray();
        using var real = torch.tensor(values.Select(z => z.Real).ToArray(), array.Shape, ScalarType.Float64);
        using var imaginary = torch.tensor(values.Select(z => z.Imaginary).ToArray(), array.Shape, ScalarType.Float64);
        return torch.complex(real, imaginary);
    }

    public static ReferenceCase HeHPlus() => new("heh+_6-31g");

    public static ReferenceCase Water() => new("h2o_sto-3g");

    public string Name { get; }

    /// <summary>h: [N, N] float64, orthonormal.</summary>
    public Tensor CoreHamiltonian { get; }

    /// <summary>r: [3, N, N] float64, orthonormal.</summary>
    public Tensor Position { get; }

    /// <summary>(ij|kl): [N, N, N, N] float64, orthonormal.</summary>
    public Tensor Eri { get; }

    public TorchTdhf.Models.TruePotential Potential { get; }

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

    public int ElectronCount { get; }

    public double NuclearDipoleZ { get; }

    public int BasisSize => (int)CoreHamiltonian.shape[0];

    public TorchTdhf.Dynamics.TdhfEquation Equation(TorchTdhf.Dynamics.Field field) => new(CoreHamiltonian, Position, Potential, field);

    public void Dispose()
    {
        Potential.Dispose();
        foreach (var kept in new[] { CoreHamiltonian, Position, Eri, InitialDensity, Converged }) kept.Dispose();
    }
}
