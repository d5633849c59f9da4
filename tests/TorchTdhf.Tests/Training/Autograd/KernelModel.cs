using TorchSharp;
using TorchSharp.Modules;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training.Autograd;

/// <summary>
/// A test-only learnable potential: one dense real kernel K [N², N²] applied to Re P and Im P alike,
/// G = ½(H + H†) with H = unvec(K vec Re P) + i unvec(K vec Im P). With K = (ij|kl) − ½(ik|jl) it is the true potential.
/// </summary>
public sealed class KernelModel : ILearnablePotential
{
    private readonly KernelModule _module;

    public KernelModel(Tensor kernel, int n)
    {
        BasisSize = n;
        // The copy must outlive any dispose scope the caller is in: the module owns it.
        _module = new KernelModule(kernel.detach().clone().DetachFromDisposeScope());
    }

    /// <summary>The model at the Hartree–Fock kernel of <paramref name="eri"/> [N, N, N, N].</summary>
    public static KernelModel AtTruth(Tensor eri) => new(TrueKernel(eri), (int)eri.shape[0]);

    /// <summary>(ij|kl) − ½(ik|jl) as [N², N²] float64.</summary>
    public static Tensor TrueKernel(Tensor eri)
    {
        var n2 = eri.shape[0] * eri.shape[0];
        using var scope = torch.NewDisposeScope();
        return (eri.reshape(n2, n2) - 0.5 * eri.permute(0, 2, 1, 3).reshape(n2, n2)).MoveToOuterDisposeScope();
    }

    public int BasisSize { get; }

    public ModelKind Kind => ModelKind.Tied;

    public nn.Module Module => _module;

    public IReadOnlyList<string> ParameterNames { get; } = new[] { "kernel" };

    public long ParameterCount => _module.Kernel.numel();

    public Tensor GetParameters() => _module.Kernel.detach().flatten().clone();

    public void SetParameters(Tensor theta)
    {
        using var _ = torch.no_grad();
        _module.Kernel.copy_(theta.reshape(_module.Kernel.shape));
    }

    public Tensor Apply(Tensor density) => ApplyWith(_module.Kernel, density);

    public Tensor ApplyWith(Tensor theta, Tensor density)
    {
        using var scope = torch.NewDisposeScope();
        var batch = density.shape[0];
        var n2 = (long)BasisSize * BasisSize;
        var transposed = theta.reshape(n2, n2).mT;
        var flat = density.reshape(batch, n2);
        var h = torch.complex(flat.real.matmul(transposed), flat.imag.matmul(transposed)).reshape(batch, BasisSize, BasisSize);
        return (0.5 * (h + h.mH)).MoveToOuterDisposeScope();
    }

    // The adjoint of the linear map θ ↦ ApplyWith(θ, P) is the gradient of ⟨ApplyWith(θ, P), Y⟩.
    public Tensor Adjoint(Tensor density, Tensor cotangent)
    {
        using var scope = torch.NewDisposeScope();
        using var enabled = torch.enable_grad();
        var theta = torch.zeros(ParameterCount, ScalarType.Float64).requires_grad_(true);
        var inner = (torch.view_as_real(ApplyWith(theta, density)) * torch.view_as_real(cotangent)).sum();
        inner.backward();
        return theta.grad!.clone().MoveToOuterDisposeScope();
    }

    public void Dispose() => _module.Dispose();

    private sealed class KernelModule : nn.Module
    {
        public KernelModule(Tensor kernel) : base("kernel-model")
        {
            Kernel = new Parameter(kernel, requires_grad: true);
            register_parameter("kernel", Kernel);
        }

        public Parameter Kernel { get; }
    }
}
