using System.Text.Json.Nodes;
using TorchSharp;
using TorchSharp.Modules;
using TorchTdhf.Models;
using TorchTdhf.Training.Checkpoints;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training.Checkpoints;

/// <summary>A small float64 module with a matrix and a vector parameter, standing in for a learnable potential.</summary>
internal sealed class TinyModel : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;

    public TinyModel(long seed) : base(nameof(TinyModel))
    {
        var generator = new Generator((ulong)seed);
        weight = nn.Parameter(randn(new long[] { 3, 4 }, float64, generator: generator));
        bias = nn.Parameter(randn(new long[] { 4 }, float64, generator: generator));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => matmul(input, weight) + bias;
}

/// <summary>Builds checkpoint content and compares tensors bit for bit.</summary>
internal static class CheckpointFixtures
{
    public const string Fingerprint = "3f2a9c0d5e6b7a8190ab";

    public static TrainingProgress Progress(long iteration, IReadOnlyList<double>? losses = null) => new()
    {
        ModelKind = ModelKind.Herm,
        ModelName = "heh+_6-31g",
        BasisSize = 4,
        ParameterCount = 16,
        Solver = "adam",
        Iteration = iteration,
        RngState = $"xoshiro256:{iteration:x16}0123456789abcdef",
        LossHistory = losses ?? new[] { 1.5, 0.1 + 0.2, 1e-300, double.Epsilon, double.NaN, double.PositiveInfinity, -0.0 },
        Configuration = new JsonObject { ["lr"] = 0.01, ["epochs"] = 100, ["molecule"] = "heh+" },
        DataFingerprint = Fingerprint,
        StartedAt = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero),
    };

    /// <summary>Takes <paramref name="steps"/> Adam steps on a fixed least-squares loss.</summary>
    public static void Train(TinyModel model, optim.Optimizer optimizer, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var input = arange(6, float64).reshape(2, 3) / 5.0;
            var loss = (model.forward(input) - 1.0).pow(2).sum();
            loss.backward();
            optimizer.step();
        }
    }

    public static SolverState Solver(long seed)
    {
        var generator = new Generator((ulong)seed);
        var re = randn(new long[] { 2, 3 }, float64, generator: generator);
        var im = randn(new long[] { 2, 3 }, float64, generator: generator);
        return new SolverState(
            new Dictionary<string, Tensor>
            {
                ["u"] = randn(new long[] { 5 }, float64, generator: generator),
                ["w"] = complex(re, im),
                ["indices"] = arange(4, int64),
            },
            new Dictionary<string, double> { ["alpha"] = 0.1 + 0.2, ["rho_bar"] = -1e-310, ["zeta"] = double.NaN },
            new Dictionary<string, long> { ["restarts"] = 3, ["big"] = long.MaxValue });
    }

    public static CheckpointContent Content(TinyModel model, optim.Optimizer? optimizer, SolverState? solver, long iteration) => new()
    {
        Progress = Progress(iteration),
        Model = model,
        Optimizer = optimizer,
        Solver = solver,
    };

    public static byte[] Bytes(Tensor tensor) => tensor.detach().cpu().contiguous().bytes.ToArray();

    /// <summary>Every parameter of the two modules, bit for bit.</summary>
    public static void AssertSameParameters(nn.Module expected, nn.Module actual)
    {
        var a = expected.state_dict();
        var b = actual.state_dict();
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var key in a.Keys)
        {
            Assert.Equal(a[key].dtype, b[key].dtype);
            Assert.Equal(a[key].shape, b[key].shape);
            Assert.Equal(Bytes(a[key]), Bytes(b[key]));
        }
    }

    /// <summary>The optimizer's state in TorchSharp's serialization, for bitwise comparison.</summary>
    public static byte[] OptimizerBytes(optim.Optimizer optimizer)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, System.Text.Encoding.UTF8, leaveOpen: true))
            ((OptimizerHelper)optimizer).save_state_dict(writer);
        return memory.ToArray();
    }
}
