using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Chemistry;

/// <summary>
/// Closed-shell restricted Hartree–Fock with Pulay DIIS, working on AO integrals in an orthonormal basis.
/// </summary>
/// <remarks>
/// Densities are AO matrices normalised to the electron count (Tr PS = N_e); F = T + V + G(P),
/// G(P)_mn = Σ_ls [(mn|ls) − ½ (ml|ns)] P_ls, E = ½ Tr[P (h + F)] + E_nuc. Convergence needs both
/// |ΔE| &lt; <see cref="RhfOptions.EnergyThreshold"/> and RMS ΔP &lt; <see cref="RhfOptions.DensityThreshold"/>.
/// Once they are met the iterations go on until the orthonormal commutator Xᵀ(FPS − SPF)X stops shrinking, i.e. has
/// reached round-off (usually two to four more Fock builds, bounded by <see cref="RhfOptions.MaxIterations"/>): the
/// thresholds bound the energy, but a ground state that is to stay put under field-free TDHF needs [F, P] itself at
/// round-off, since P drifts by about |[F, P]|·t. The reported orbitals diagonalise the plain (not extrapolated) Fock
/// matrix of the last density, and the reported density is built from them.
/// </remarks>
public static class Rhf
{
    /// <summary>Runs the SCF.</summary>
    /// <param name="integrals">AO integrals and electron count (must be even).</param>
    /// <param name="options">Thresholds, iteration limit, DIIS size, guess; defaults when null.</param>
    /// <param name="basis">Orthonormal basis X [N, M] to work in; canonical orthogonalisation with <see cref="RhfOptions.Orthonormalization"/> when null.</param>
    /// <param name="source">File the integrals came from, named in error messages.</param>
    /// <exception cref="TdhfInputException">Odd, non-positive or too large electron count; invalid options; near-singular overlap.</exception>
    /// <exception cref="ScfNotConvergedException">The iteration limit was reached (unless <see cref="RhfOptions.ThrowIfNotConverged"/> is false).</exception>
    public static RhfResult Solve(AoIntegrals integrals, RhfOptions? options = null, OrthonormalBasis? basis = null, string? source = null)
    {
        options ??= new RhfOptions();
        options.Validate(source);
        basis ??= OrthonormalBasis.Canonical(integrals.Overlap, options.Orthonormalization, source);
        var n = integrals.FunctionCount;
        if (basis.FunctionCount != n)
            throw new TdhfInputException($"the orthonormal basis has {basis.FunctionCount} AO rows but the integrals have {n} functions", source, key: "x");
        var occupied = OccupiedCount(integrals.ElectronCount, basis.Count, source);

        using var scope = torch.NewDisposeScope();
        using var g = new TwoElectronOperator(torch.tensor(integrals.Eri, new long[] { n, n, n, n }, ScalarType.Float64));
        var s = DenseTensors.FromMatrix(integrals.Overlap);
        var h = DenseTensors.FromMatrix(integrals.Kinetic) + DenseTensors.FromMatrix(integrals.Potential);
        var x = basis.ToTensor();
        var step = new ScfStep(g, h, s, x, occupied, integrals.NuclearRepulsion);

        var guess = step.Diagonalize(GuessFock(h, s, options.Guess)).Density;
        var (fock, energy, error) = step.Evaluate(guess);
        var density = DenseTensors.ToFlat(guess);
        var diis = options.DiisSize >= 2 ? new Diis(options.DiisSize) : null;
        var history = new List<RhfIteration>();
        var converged = false;
        var atRoundOff = false;
        for (var iteration = 1; iteration <= options.MaxIterations && !(converged && atRoundOff); iteration++)
        {
            using var iterationScope = torch.NewDisposeScope();
            diis?.Add(fock, error.Data);
            var extrapolated = diis?.Extrapolate() ?? fock;
            var next = step.Diagonalize(Square(extrapolated, n)).Density;
            var (nextFock, nextEnergy, nextError) = step.Evaluate(next);
            var nextDensity = DenseTensors.ToFlat(next);
            var energyChange = nextEnergy - energy;
            var densityChange = RootMeanSquareDifference(nextDensity, density);
            history.Add(new RhfIteration(iteration, nextEnergy, energyChange, densityChange, nextError.MaxAbs));
            converged = Math.Abs(energyChange) < options.EnergyThreshold && densityChange < options.DensityThreshold;
            atRoundOff = nextError.MaxAbs >= StalledErrorRatio * error.MaxAbs;
            (fock, energy, error, density) = (nextFock, nextEnergy, nextError, nextDensity);
        }
        if (!converged && options.ThrowIfNotConverged) throw new ScfNotConvergedException(history, options, source);

        var final = step.Diagonalize(Square(fock, n));
        return new RhfResult(energy, integrals.NuclearRepulsion, DenseTensors.ToFlat(final.OrbitalEnergies),
            DenseTensors.ToMatrix(final.Coefficients), DenseTensors.ToMatrix(final.Density),
            integrals.ElectronCount, basis, history, converged);
    }

    // DIIS shrinks the commutator by an order of magnitude or more per iteration until round-off noise takes over, where
    // it wanders up and down by factors of about two; less than halving therefore means there is nothing left to gain.
    private const double StalledErrorRatio = 0.5;

    private static int OccupiedCount(int electrons, int orbitals, string? source)
    {
        if (electrons <= 0)
            throw new TdhfInputException($"closed-shell RHF needs a positive number of electrons, not {electrons}", source, key: "n_electrons");
        if (electrons % 2 != 0)
            throw new TdhfInputException($"closed-shell RHF needs an even number of electrons, not {electrons}; change the charge or use an open-shell method", source, key: "n_electrons");
        if (electrons / 2 > orbitals)
            throw new TdhfInputException($"{electrons} electrons need {electrons / 2} doubly occupied orbitals, but the basis has only {orbitals}", source, key: "n_electrons");
        return electrons / 2;
    }

    private static Tensor GuessFock(Tensor h, Tensor s, RhfGuess guess)
    {
        if (guess == RhfGuess.Core) return h;
        // Off-diagonal elements scale with overlap and the mean diagonal energy; the diagonal is h itself.
        var diagonal = h.diagonal();
        var mean = 0.5 * (diagonal.unsqueeze(0) + diagonal.unsqueeze(1));
        var gwh = 1.75 * s * mean;
        return gwh - torch.diag(gwh.diagonal()) + torch.diag(diagonal);
    }

    private static Tensor Square(double[] flat, int n) => torch.tensor(flat, new long[] { n, n }, ScalarType.Float64);

    private static double RootMeanSquareDifference(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++) sum += (a[k] - b[k]) * (a[k] - b[k]);
        return Math.Sqrt(sum / a.Length);
    }

    /// <summary>The tensors shared by all iterations, and the two things an iteration does with them.</summary>
    private sealed record ScfStep(TwoElectronOperator G, Tensor H, Tensor S, Tensor X, int Occupied, double NuclearRepulsion)
    {
        public (Tensor OrbitalEnergies, Tensor Coefficients, Tensor Density) Diagonalize(Tensor fock)
        {
            var (energies, vectors) = torch.linalg.eigh(X.mT.matmul(fock).matmul(X));
            var coefficients = X.matmul(vectors);
            var occupied = coefficients.narrow(1, 0, Occupied);
            return (energies, coefficients, 2.0 * occupied.matmul(occupied.mT));
        }

        /// <summary>Fock matrix (flat AO), total energy, and orthonormal-basis commutator error of an AO density.</summary>
        public (double[] Fock, double Energy, (double[] Data, double MaxAbs) Error) Evaluate(Tensor density)
        {
            var fock = H + G.Apply(density);
            var energy = 0.5 * (density * (H + fock)).sum().item<double>() + NuclearRepulsion;
            var fps = X.mT.matmul(fock).matmul(density).matmul(S).matmul(X);
            var error = fps - fps.mT;
            return (DenseTensors.ToFlat(fock), energy, (DenseTensors.ToFlat(error), error.abs().max().item<double>()));
        }
    }
}
