using TorchSharp;
using TorchTdhf.Dynamics;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics;

/// <summary>Rollout training needs dL/dθ through RK4 steps for a potential with parameters θ.</summary>
public class AutogradTests
{
    [Fact]
    public void GradientThroughRk4StepsMatchesFiniteDifferences()
    {
        using var reference = ReferenceCase.HeHPlus();
        using var scope = torch.NewDisposeScope();
        var n2 = reference.BasisSize * reference.BasisSize;
        using var generator = new Generator(11);
        // θ = the true kernel plus a perturbation, so the rollout is not at an optimum and gradients are generic.
        var truth = reference.Eri.reshape(n2, n2) - 0.5 * reference.Eri.permute(0, 2, 1, 3).reshape(n2, n2);
        var theta = (truth + 0.05 * torch.randn(new long[] { n2, n2 }, ScalarType.Float64, generator: generator)).detach().requires_grad_(true);
        var target = Rollout(reference, theta.detach(), 0.05) + 0.01;

        var loss = Rollout(reference, theta, 0.0).sub(target).abs().pow(2).sum();
        loss.backward();
        var gradient = theta.grad!;
        Assert.True(gradient.abs().max().item<double>() > 1e-6, "the gradient should not vanish");

        var direction = torch.randn(new long[] { n2, n2 }, ScalarType.Float64, generator: generator);
        var analytic = (gradient * direction).sum().item<double>();
        const double epsilon = 1e-5;
        using (torch.no_grad())
        {
            var plus = Rollout(reference, theta + epsilon * direction, 0.0).sub(target).abs().pow(2).sum().item<double>();
            var minus = Rollout(reference, theta - epsilon * direction, 0.0).sub(target).abs().pow(2).sum().item<double>();
            var numeric = (plus - minus) / (2 * epsilon);
            Assert.True(Math.Abs(analytic - numeric) < 1e-6 * Math.Abs(numeric), $"analytic {analytic:E10} vs finite difference {numeric:E10}");
        }
    }

    // Five RK4 steps under a strong field with G(P) = unflatten(θ · flatten(P)); the kick makes the start non-stationary.
    private static Tensor Rollout(ReferenceCase reference, Tensor theta, double kick)
    {
        var potential = new KernelPotential(theta, reference.BasisSize);
        Field field = kick == 0 ? new SinusoidalField(0.3, 0.9, CartesianVector.UnitZ, duration: 50) : new DeltaKick(kick, CartesianVector.UnitZ);
        using var equation = new TdhfEquation(reference.CoreHamiltonian, reference.Position, potential, field);
        using var kicked = new TdhfEquation(reference.CoreHamiltonian, reference.Position, potential, new DeltaKick(0.2, CartesianVector.UnitX));
        using var start = kicked.ApplyInitialKicks(reference.InitialDensity);
        using var frames = Propagation.Run(new RungeKutta4(), equation, start, 0.1, 5, stride: 5);
        return frames[0, -1];
    }

    /// <summary>G(P)_ij = Σ_kl θ[ij, kl] P_kl with a trainable θ: the simplest learned potential.</summary>
    private sealed class KernelPotential(Tensor theta, int basisSize) : ITwoElectronPotential
    {
        public int BasisSize => basisSize;

        public Tensor Apply(Tensor density)
        {
            var batch = density.shape[0];
            using var scope = torch.NewDisposeScope();
            var flat = density.reshape(batch, -1);
            var kernel = theta.mT;
            return torch.complex(flat.real.matmul(kernel), flat.imag.matmul(kernel)).reshape(batch, basisSize, basisSize).MoveToOuterDisposeScope();
        }
    }
}
