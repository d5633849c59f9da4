namespace TorchTdhf.Chemistry;

/// <summary>Places a basis set's shells on a molecule's atoms, in the AO order that <see cref="AoBasis"/> documents.</summary>
public static class AoBasisBuilder
{
    /// <summary>
    /// Builds the AO basis: atoms in molecule order, on each atom its element's shells in file order (an SP shell as
    /// s then p), basis functions numbered consecutively.
    /// </summary>
    /// <param name="molecule">The nuclei, bohr.</param>
    /// <param name="basis">The basis set.</param>
    /// <param name="pure">True for spherical d and f shells, false for Cartesian; null follows the file header (<see cref="BasisSet.IsSpherical"/>).</param>
    /// <returns>The AO basis, named after <paramref name="basis"/>.</returns>
    /// <exception cref="TdhfInputException">An element is missing from the basis set or has shells above f; the message names the basis file.</exception>
    public static AoBasis Build(Molecule molecule, BasisSet basis, bool? pure = null)
    {
        var spherical = pure ?? basis.IsSpherical;
        var shells = new List<Shell>();
        var next = 0;
        for (var a = 0; a < molecule.Atoms.Count; a++)
        {
            var atom = molecule.Atoms[a];
            foreach (var definition in basis.ShellsFor(atom.AtomicNumber))
            {
                var shell = new Shell(definition.L, spherical, definition.Exponents, definition.Coefficients, a, (atom.X, atom.Y, atom.Z), next);
                shells.Add(shell);
                next += shell.FunctionCount;
            }
        }
        return new AoBasis(molecule.Atoms, shells, basis.Name);
    }
}
