namespace TorchTdhf.Chemistry;

/// <summary>
/// The shipped molecules (<c>data/molecules/*.xyz</c>), found by name ("lih", "HeH+", "p-nitroaniline",
/// "c6h10n2o2" for <c>c6h10n2o2_paper_reconstructed.xyz</c>), or any xyz file given by path.
/// </summary>
public sealed class MoleculeLibrary
{
    private const string Extension = ".xyz";

    /// <summary>Uses the xyz files in <paramref name="folder"/>.</summary>
    /// <param name="folder">Folder of <c>.xyz</c> files; <see cref="DefaultFolder"/> when null.</param>
    public MoleculeLibrary(string? folder = null) => Folder = folder ?? DefaultFolder;

    /// <summary><c>data/molecules</c> next to the program (or next to this library), where the build copies the shipped files.</summary>
    public static string DefaultFolder => Runtime.ShippedDataFolder.Locate(Path.Combine("data", "molecules"));

    /// <summary>The folder searched for names.</summary>
    public string Folder { get; }

    /// <summary>The names available, i.e. the file names without extension, sorted.</summary>
    public IReadOnlyList<string> Names => DataFileLookup.Stems(Folder, Extension);

    /// <summary>The form in which names are compared: lower case, without spaces, underscores, dashes and a trailing ".xyz".</summary>
    public static string NormaliseName(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        if (key.EndsWith(Extension, StringComparison.Ordinal)) key = key[..^Extension.Length];
        return key.Replace(" ", "").Replace("_", "").Replace("-", "");
    }

    /// <summary>
    /// The full path of an xyz file: <paramref name="nameOrPath"/> itself if it is an existing file, else the shipped
    /// file whose name, or whose name up to the first underscore, matches.
    /// </summary>
    /// <exception cref="TdhfInputException">No such file, or an unknown name (the message lists the available names).</exception>
    public string ResolvePath(string nameOrPath) =>
        DataFileLookup.Resolve(nameOrPath, Folder, Extension, MatchKeys, NormaliseName, "molecule", "molecule");

    /// <summary>Reads the molecule named by <paramref name="nameOrPath"/> (see <see cref="ResolvePath"/>).</summary>
    /// <param name="nameOrPath">A shipped molecule's name or an xyz path.</param>
    /// <param name="chargeOverride">A charge that replaces the file's (the CLI's <c>--charge</c>).</param>
    /// <exception cref="TdhfInputException">Unknown name, missing or malformed file.</exception>
    public Molecule Load(string nameOrPath, int? chargeOverride = null) => XyzReader.Read(ResolvePath(nameOrPath), chargeOverride);

    // Descriptive suffixes such as "_paper_reconstructed" should not have to be typed.
    private static IEnumerable<string> MatchKeys(string stem)
    {
        yield return NormaliseName(stem);
        var underscore = stem.IndexOf('_', StringComparison.Ordinal);
        if (underscore > 0) yield return NormaliseName(stem[..underscore]);
    }
}
