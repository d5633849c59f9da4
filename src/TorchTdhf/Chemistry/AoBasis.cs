namespace TorchTdhf.Chemistry;

/// <summary>
/// The atomic-orbital basis of a molecule: its shells in order and the nuclei they sit on.
/// </summary>
/// <remarks>
/// <para><b>Ordering.</b> Atoms in molecule order; on each atom, shells in basis-file order, an <c>SP</c> shell
/// giving an s shell then a p shell. Within a shell:</para>
/// <list type="bullet">
/// <item>Cartesian components in lexicographic order of descending powers, x before y before z:
/// p = x, y, z; d = xx, xy, xz, yy, yz, zz; f = xxx, xxy, xxz, xyy, xyz, xzz, yyy, yyz, yzz, zzz.</item>
/// <item>p shells are always (x, y, z), also in spherical basis sets (the real solid harmonics of l = 1 are x, y, z).</item>
/// <item>Pure d and f shells: real solid harmonics in the order m = 0, +1, −1, +2, −2, +3, −3
/// (d0 ∝ 2zz−xx−yy, d+1 ∝ xz, d−1 ∝ yz, d+2 ∝ xx−yy, d−2 ∝ xy), each with positive leading monomial.</item>
/// </list>
/// <para><b>Normalisation.</b> Every basis function, Cartesian components included, has unit self-overlap.</para>
/// </remarks>
public sealed class AoBasis
{
    /// <summary>Creates a basis from shells placed on <paramref name="atoms"/>.</summary>
    /// <param name="atoms">The nuclei (their charges enter the nuclear attraction).</param>
    /// <param name="shells">Shells in AO order; their <see cref="Shell.FirstFunction"/> must be consecutive.</param>
    /// <param name="name">A name for messages and metadata, e.g. the basis set's name.</param>
    public AoBasis(IReadOnlyList<Atom> atoms, IReadOnlyList<Shell> shells, string name)
    {
        var next = 0;
        foreach (var shell in shells)
        {
            if (shell.FirstFunction != next)
                throw new ArgumentException($"shell functions must be consecutive: expected first function {next}, got {shell.FirstFunction}", nameof(shells));
            if (shell.AtomIndex < 0 || shell.AtomIndex >= atoms.Count)
                throw new ArgumentException($"shell refers to atom {shell.AtomIndex}, but there are {atoms.Count} atoms", nameof(shells));
            next += shell.FunctionCount;
        }
        Atoms = atoms.ToArray();
        Shells = shells.ToArray();
        FunctionCount = next;
        Name = name;
    }

    /// <summary>The nuclei, bohr.</summary>
    public IReadOnlyList<Atom> Atoms { get; }

    /// <summary>Shells in AO order.</summary>
    public IReadOnlyList<Shell> Shells { get; }

    /// <summary>Number of basis functions N.</summary>
    public int FunctionCount { get; }

    /// <summary>The basis set's name.</summary>
    public string Name { get; }
}
