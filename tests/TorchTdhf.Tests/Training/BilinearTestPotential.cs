using TorchSharp;
using TorchSharp.Modules;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training;

/// <summary>
/// A test-only learnable potential, linear in θ and in P: G_θ(P) = Σ_a θ_a Herm(L_a P R_a) with fixed random complex
/// L_a, R_a and Herm(X) = ½(X + X†). Its adjoint is Σ_b Re Σ_ij conj(Herm(L_a P_b R_a))_ij Y_bij per component a.
/// </summary>
internal sealed class BilinearTestPotential : ILearnablePotential
{
    private readonly Tensor _left;
    private readonly Tensor _right;
    private readonly ThetaModule _module;

    private BilinearTestPotential(Tensor left, Tensor right)
    {
        _left = left;
        _right = right;
        _module = new ThetaModule(left.shape[0]);
        BasisSize = (int)left.shape[1];
    }

    /// <summary>Terms with seeded random L_a, R_a and θ.</summary>
    public static BilinearTestPotential Random(int n, int terms, int seed)
    {
        var generator = new torch.Generator((ulong)seed);
        Tensor Complex() => torch.complex(torch.randn(terms, n, n, ScalarType.Float64, generator: generator), torch.randn(terms, n, n, ScalarType.Float64, generator: generator));
        var model = new BilinearTestPotential(Complex(), Complex());
        using var theta = torch.randn(terms, ScalarType.Float64, generator: generator);
        model.SetParameters(theta);
        return model;
    }

    /// <summary>The same terms with the last one a copy of the first: a rank-deficient parameterisation.</summary>
    public static BilinearTestPotential RandomRedundant(int n, int terms, int seed)
    {
        using var source = Random(n, terms, seed);
        Tensor Repeat(Tensor t) => torch.cat(new[] { t.narrow(0, 0, terms - 1), t.narrow(0, 0, 1) }, 0);
        return new BilinearTestPotential(Repeat(source._left), Repeat(source._right));
    }

    public int BasisSize { get; }

    public ModelKind Kind => ModelKind.Tied;

    // Herm(X) = ½(X + X†) is Hermitian to the last bit, and so is a real combination of such terms.
    public bool IsExactlyHermitian => true;

    public nn.Module Module => _module;

    public IReadOnlyList<string> ParameterNames => new[] { "theta" };

    public long ParameterCount => _left.shape[0];

    public Tensor Apply(Tensor density) => ApplyWith(_module.theta, density);

    public Tensor ApplyWith(Tensor theta, Tensor density)
    {
        using var scope = torch.NewDisposeScope();
        var weights = theta.to_type(ScalarType.ComplexFloat64).reshape(1, -1, 1, 1);
        return (weights * Terms(density)).sum(1).MoveToOuterDisposeScope();
    }

    public Tensor Adjoint(Tensor density, Tensor cotangent)
    {
        using var scope = torch.NewDisposeScope();
        return torch.real(Terms(density).conj() * cotangent.unsqueeze(1)).sum(new long[] { 0, 2, 3 }).MoveToOuterDisposeScope();
    }

    public Tensor GetParameters() => _module.theta.detach().clone();

    public void SetParameters(Tensor theta)
    {
        using var noGrad = torch.no_grad();
        _module.theta.copy_(theta);
    }

    public void Dispose()
    {
        _module.Dispose();
        _left.Dispose();
        _right.Dispose();
    }

    // Herm(L_a P_b R_a): [B, terms, N, N].
    private Tensor Terms(Tensor density)
    {
        var product = _left.unsqueeze(0).matmul(density.unsqueeze(1)).matmul(_right.unsqueeze(0));
        return 0.5 * (product + product.transpose(-2, -1).conj());
    }

    private sealed class ThetaModule : nn.Module
    {
        public ThetaModule(long count) : base("bilinear-test")
        {
            theta = nn.Parameter(torch.zeros(count, ScalarType.Float64));
            RegisterComponents();
        }

        // The field name is the parameter name.
#pragma warning disable IDE1006
        public readonly Parameter theta;
#pragma warning restore IDE1006
    }
}
