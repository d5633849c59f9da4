using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Dynamics;
using TorchTdhf.Dynamics.Generation;
using TorchTdhf.Dynamics.InitialConditions;
using TorchTdhf.Models;
using TorchTdhf.Training;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training.Autograd;

/// <summary>
/// Two short magnus4 trajectories of HeH+/6-31g (N = 4) under the true potential, kicked along z: one field-free,
/// one driven by a sine pulse; 21 samples each, 0.06 a.u. apart (dt = 0.02, stride 3). Shared by a test class.
/// </summary>
public sealed class HeHPlusData : IDisposable
{
    private readonly TempFolder _folder = new();

    public HeHPlusData()
    {
        System = new MolecularSystemBuilder().Build(new SystemSpec("heh+", "6-31g"));
        using var potential = new TruePotential(System.Eri);
        var kick = new KickSpec(0.1, new[] { 0.0, 0.0, 1.0 });
        var batch = new TrajectoryBatch("test", new[]
        {
            new BatchMember("free", "train", kick, new NoField()),
            new BatchMember("driven", "train", kick, new SinusoidalField(0.2, 0.5, CartesianVector.UnitZ, cycles: 1)),
        }, Dt: 0.02, Steps: 60, Stride: 3, Integrator: "magnus4");
        new TrajectoryGenerator(System, potential).Run(DatasetFolder.Create(_folder.Path), batch);
        Dataset = Dataset.Load(_folder.Path);
        Samples = TrainingSet.FromDataset(Dataset, System);
        TrueKernel = KernelModel.TrueKernel(System.Eri);
    }

    public MolecularSystem System { get; }

    public Dataset Dataset { get; }

    public TrainingSet Samples { get; }

    /// <summary>(ij|kl) − ½(ik|jl): [N², N²] float64.</summary>
    public Tensor TrueKernel { get; }

    public int N => System.OrbitalCount;

    /// <summary>A model at the true kernel plus seeded Gaussian noise of the given size.</summary>
    public KernelModel Perturbed(double noise, long seed = 3)
    {
        using var generator = new Generator((ulong)seed);
        using var scope = torch.NewDisposeScope();
        var kernel = TrueKernel + noise * torch.randn(TrueKernel.shape, ScalarType.Float64, generator: generator);
        return new KernelModel(kernel, N);
    }

    public void Dispose()
    {
        TrueKernel.Dispose();
        Samples.Dispose();
        Dataset.Dispose();
        System.Dispose();
        _folder.Dispose();
    }
}
