namespace TorchTdhf.Chemistry;

/// <summary>How the closed-shell SCF guesses its first density.</summary>
public enum RhfGuess
{
    /// <summary>Orbitals of the core Hamiltonian T + V (no electron repulsion).</summary>
    Core,

    /// <summary>Generalised Wolfsberg–Helmholz: H_mn = 1.75 S_mn (h_mm + h_nn) / 2 off the diagonal, h_mm on it.</summary>
    GeneralizedWolfsbergHelmholz,
}

/// <summary>
/// Settings of <see cref="Rhf"/>; the defaults converge total energies to the 1e-10 Eh level, and <see cref="Rhf"/> then
/// iterates on until the orbital gradient [F, P] is at round-off.
/// </summary>
public sealed record RhfOptions
{
    /// <summary>Converged when |E_k − E_{k−1}| is below this (hartree), together with <see cref="DensityThreshold"/>.</summary>
    public double EnergyThreshold { get; init; } = 1e-12;

    /// <summary>Converged when the root-mean-square change of the AO density between iterations is below this.</summary>
    public double DensityThreshold { get; init; } = 1e-10;

    /// <summary>Most SCF iterations (Fock builds after the guess) before giving up; it also bounds the iterations that take [F, P] to round-off once the thresholds are met.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Number of Fock/error pairs Pulay's DIIS extrapolates from; 0 or 1 turns DIIS off.</summary>
    public int DiisSize { get; init; } = 8;

    /// <summary>The first density.</summary>
    public RhfGuess Guess { get; init; } = RhfGuess.Core;

    /// <summary>When false, a run that does not converge returns with <see cref="RhfResult.Converged"/> false instead of throwing <see cref="ScfNotConvergedException"/>.</summary>
    public bool ThrowIfNotConverged { get; init; } = true;

    /// <summary>How the orthonormal basis is built when none is supplied to <see cref="Rhf.Solve"/>.</summary>
    public OrthonormalBasisOptions Orthonormalization { get; init; } = new();

    /// <summary>Throws <see cref="TdhfInputException"/> naming the first setting that cannot work.</summary>
    /// <param name="source">File or command the options came from, for the message.</param>
    public void Validate(string? source = null)
    {
        if (!(EnergyThreshold > 0) || double.IsInfinity(EnergyThreshold))
            throw new TdhfInputException($"the energy threshold must be a positive number, not {EnergyThreshold}", source, key: nameof(EnergyThreshold));
        if (!(DensityThreshold > 0) || double.IsInfinity(DensityThreshold))
            throw new TdhfInputException($"the density threshold must be a positive number, not {DensityThreshold}", source, key: nameof(DensityThreshold));
        if (MaxIterations < 1)
            throw new TdhfInputException($"at least one SCF iteration is needed, not {MaxIterations}", source, key: nameof(MaxIterations));
        if (DiisSize < 0)
            throw new TdhfInputException($"the DIIS history cannot be negative ({DiisSize})", source, key: nameof(DiisSize));
        Orthonormalization.Validate(source);
    }
}
