namespace TorchTdhf.Chemistry;

/// <summary>Settings of canonical orthogonalisation (<see cref="OrthonormalBasis.Canonical"/>).</summary>
public sealed record OrthonormalBasisOptions
{
    /// <summary>Overlap eigenvalues below this mark near-linear dependence.</summary>
    public double Threshold { get; init; } = 1e-7;

    /// <summary>
    /// True: eigenvectors of S with eigenvalue below <see cref="Threshold"/> are dropped, so M &lt; N.
    /// False: such an eigenvalue is an error (<see cref="TdhfInputException"/>) and M = N always.
    /// </summary>
    public bool AllowDropping { get; init; } = true;

    /// <summary>Throws <see cref="TdhfInputException"/> when the threshold is not a positive finite number.</summary>
    /// <param name="source">File or command the options came from, for the message.</param>
    public void Validate(string? source = null)
    {
        if (!(Threshold > 0) || double.IsInfinity(Threshold))
            throw new TdhfInputException($"the overlap eigenvalue threshold must be a positive number, not {Threshold}", source, key: nameof(Threshold));
    }
}
