namespace TorchTdhf.Chemistry;

/// <summary>
/// The shipped basis sets (<c>data/basis/*.gbs</c>), found by a tolerant name such as "6-31G*", "6-31g(d)",
/// "STO3G" or "aug-cc-pVDZ", or any <c>.gbs</c> file given by path.
/// </summary>
public sealed class BasisLibrary
{
    private const string Extension = ".gbs";

    /// <summary>Uses the basis files in <paramref name="folder"/>.</summary>
    /// <param name="folder">Folder of <c>.gbs</c> files; <see cref="DefaultFolder"/> when null.</param>
    public BasisLibrary(string? folder = null) => Folder = folder ?? DefaultFolder;

    /// <summary><c>data/basis</c> next to the program (or next to this library), where the build copies the shipped files.</summary>
    public static string DefaultFolder => Runtime.ShippedDataFolder.Locate(Path.Combine("data", "basis"));

    /// <summary>The folder searched for names.</summary>
    public string Folder { get; }

    /// <summary>The names available, i.e. the file names without extension ("6-31gs", "cc-pvdz", ...), sorted.</summary>
    public IReadOnlyList<string> Names => DataFileLookup.Stems(Folder, Extension);

    /// <summary>
    /// The form in which names are compared: lower case, without spaces, underscores and dashes, with
    /// <c>(d,p)</c> → <c>ss</c>, <c>(d)</c> → <c>s</c>, <c>*</c> → <c>s</c> and <c>+</c> → <c>p</c>, the way psi4
    /// names its files. "6-311++G(d,p)" and "6-311ppgss" both become "6311ppgss".
    /// </summary>
    public static string NormaliseName(string name)
    {
        var key = name.Trim().ToLowerInvariant().Replace(" ", "").Replace("_", "");
        if (key.EndsWith(Extension, StringComparison.Ordinal)) key = key[..^Extension.Length];
        return key.Replace("(d,p)", "ss").Replace("(d)", "s").Replace("*", "s").Replace("+", "p").Replace("-", "");
    }

    /// <summary>The full path of a basis file: <paramref name="nameOrPath"/> itself if it is an existing file, else the shipped file it names.</summary>
    /// <exception cref="TdhfInputException">No such file, or an unknown name (the message lists the available names).</exception>
    public string ResolvePath(string nameOrPath) =>
        DataFileLookup.Resolve(nameOrPath, Folder, Extension, stem => [NormaliseName(stem)], NormaliseName, "basis set", "basis");

    /// <summary>Loads the basis set named by <paramref name="nameOrPath"/> (see <see cref="ResolvePath"/>).</summary>
    /// <exception cref="TdhfInputException">Unknown name, missing or malformed file.</exception>
    public BasisSet Load(string nameOrPath) => BasisSet.Load(ResolvePath(nameOrPath));
}
