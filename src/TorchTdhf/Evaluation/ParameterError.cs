using System.Text.Json.Serialization;
using TorchSharp;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Evaluation;

/// <summary>
/// The Hamiltonian (parameter) error of a learned model in its own parameterisation: Δθ = θ_learned − θ_true, where
/// θ_true represents the true potential in the same parameterisation (the model kind's representation of the ERIs).
/// </summary>
/// <param name="MaxAbs">max_p |Δθ_p| (L∞), hartree (θ are ERI-like coefficients).</param>
/// <param name="MeanAbs">Σ_p |Δθ_p| / count, hartree.</param>
/// <param name="ParameterCount">Length of θ.</param>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record ParameterError(double MaxAbs, double MeanAbs, long ParameterCount)
{
    /// <summary>Compares two flat parameter vectors.</summary>
    /// <param name="learned">θ_learned: [P] float64.</param>
    /// <param name="truth">θ_true: [P] float64.</param>
    /// <exception cref="ArgumentException">The vectors are not float64 vectors of equal, non-zero length.</exception>
    public static ParameterError Compute(Tensor learned, Tensor truth)
    {
        RequireVector(learned, nameof(learned));
        RequireVector(truth, nameof(truth));
        if (learned.shape[0] != truth.shape[0])
            throw new ArgumentException($"the parameter vectors differ in length: {learned.shape[0]} and {truth.shape[0]}", nameof(truth));
        using var scope = torch.NewDisposeScope();
        var difference = (learned.detach() - truth.detach()).abs();
        var parts = torch.stack(new[] { difference.max(), difference.mean() }).data<double>().ToArray();
        return new ParameterError(parts[0], parts[1], learned.shape[0]);
    }

    /// <summary>Compares a learned model with the true potential represented in the same parameterisation.</summary>
    /// <param name="learned">The trained model.</param>
    /// <param name="truth">The same kind of model holding the true parameters.</param>
    /// <exception cref="ArgumentException">The models are of different kinds or sizes.</exception>
    public static ParameterError Compute(ILearnablePotential learned, ILearnablePotential truth)
    {
        if (learned.Kind != truth.Kind)
            throw new ArgumentException($"the models have different parameterisations: {learned.Kind.Name()} and {truth.Kind.Name()}", nameof(truth));
        using var learnedParameters = learned.GetParameters();
        using var trueParameters = truth.GetParameters();
        return Compute(learnedParameters, trueParameters);
    }

    private static void RequireVector(Tensor theta, string name)
    {
        if (theta.dtype != ScalarType.Float64 || theta.dim() != 1 || theta.shape[0] == 0)
            throw new ArgumentException($"parameters must be a non-empty [P] float64 vector, not [{string.Join(", ", theta.shape)}] {theta.dtype}", name);
    }
}
