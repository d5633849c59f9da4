using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Dynamics;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Training.Autograd;

/// <summary>
/// Rollout matching: from each window's data density P(t), the learned model is propagated K sample spacings with
/// the differentiable RK4 (m sub-steps per spacing) and compared with the data,
/// L(θ) = (1/B) Σ_windows Σ_{k=1..K} ‖P_θ(t + kΔ) − P_data(t + kΔ)‖²_F, all B windows propagated as one batch.
/// </summary>
/// <remarks>
/// The equation is the system's: F = h + G_θ(P) + E(t)·r with each window's own field. RK4 is not unitary, so at the
/// true parameters the loss floor is RK4's error against the data's integrator, which falls as (Δ/m)⁴ per spacing.
/// </remarks>
public sealed class RolloutObjective : IMinibatchObjective
{
    private readonly ILearnablePotential _model;
    private readonly MolecularSystem _system;
    private readonly RolloutWindows _windows;
    private readonly int _substeps;
    private readonly RungeKutta4 _propagator = new();

    /// <summary>The objective of <paramref name="model"/> on <paramref name="windows"/> of <paramref name="system"/> (none owned).</summary>
    /// <param name="model">G_θ.</param>
    /// <param name="system">Supplies h and r (orthonormal basis).</param>
    /// <param name="windows">The data windows; their horizon is K.</param>
    /// <param name="substeps">m ≥ 1 RK4 steps per sample spacing.</param>
    /// <exception cref="TdhfInputException"><paramref name="substeps"/> is below 1.</exception>
    public RolloutObjective(ILearnablePotential model, MolecularSystem system, RolloutWindows windows, int substeps)
    {
        new RolloutOptions { Horizon = windows.Horizon, Substeps = substeps }.Validate();
        if (model.BasisSize != windows.BasisSize || system.OrbitalCount != windows.BasisSize)
            throw new ArgumentException($"the model ({model.BasisSize}), system ({system.OrbitalCount}) and windows ({windows.BasisSize}) differ in N", nameof(model));
        _model = model;
        _system = system;
        _windows = windows;
        _substeps = substeps;
    }

    /// <inheritdoc />
    public long Count => _windows.Count;

    /// <inheritdoc />
    public Tensor Loss(Tensor items)
    {
        using var scope = torch.NewDisposeScope();
        using var batch = _windows.Gather(items);
        var predicted = Rollout(batch);
        var loss = DerivativeMatchingObjective.SquaredNorm(predicted - batch.Observed).div(batch.Start.shape[0]);
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>The model's densities at the K sample times after each window's start.</summary>
    /// <param name="batch">Windows with their start densities and fields.</param>
    /// <returns>[B, K, N, N] complex128, orthonormal basis; differentiable with respect to the model's parameters.</returns>
    public Tensor Rollout(RolloutBatch batch)
    {
        using var scope = torch.NewDisposeScope();
        using var equation = new TdhfEquation(_system.CoreHamiltonian, _system.Position, _model, batch.Fields);
        var step = _windows.SampleSpacing / _substeps;
        var density = batch.Start;
        var predicted = new List<Tensor>();
        for (var k = 0; k < _windows.Horizon; k++)
        {
            for (var j = 0; j < _substeps; j++)
                density = _propagator.Step(equation, density, (k * _substeps + j) * step, step);
            predicted.Add(density);
        }
        return torch.stack(predicted, 1).MoveToOuterDisposeScope();
    }
}
