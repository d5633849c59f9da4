using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>
/// One time step of the TDHF equation for a batch of densities. Implementations are stateless, so one instance
/// may serve any number of equations and batches.
/// </summary>
public interface IPropagator
{
    /// <summary>The name the factory knows it by (<see cref="Propagators.Create"/>).</summary>
    string Name { get; }

    /// <summary>Order of accuracy p: the global error of a fixed-length run scales as dtᵖ for smooth fields.</summary>
    int Order { get; }

    /// <summary>Advances every density of the batch from t to t + dt.</summary>
    /// <param name="equation">The equation (h, G, fields) to integrate.</param>
    /// <param name="density">P(t): [B, N, N] complex128, orthonormal basis.</param>
    /// <param name="time">t, atomic units.</param>
    /// <param name="timeStep">dt, atomic units.</param>
    /// <returns>P(t + dt): [B, N, N] complex128, orthonormal basis; a new tensor owned by the caller.</returns>
    Tensor Step(TdhfEquation equation, Tensor density, double time, double timeStep);
}
