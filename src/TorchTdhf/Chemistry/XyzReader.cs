using System.Globalization;
using System.Text.RegularExpressions;

namespace TorchTdhf.Chemistry;

/// <summary>
/// Reads standard xyz files: line 1 the atom count; line 2 a comment that may contain <c>charge=Q</c> and
/// <c>multiplicity=M</c> (or <c>mult=M</c>); then one <c>Symbol x y z</c> line per atom with coordinates in Å.
/// </summary>
/// <remarks>
/// The symbol is case-tolerant ("he", "HE") or an atomic number ("2"); only H to Kr are accepted. Numbers use the
/// invariant culture. Blank lines after the atoms are ignored; anything else there is an error, as is any blank line
/// among the atoms. Without <c>charge=</c> the charge is 0; without a multiplicity the lowest one consistent with the
/// electron count is assumed (1 for even, 2 for odd counts). Every problem is reported as a
/// <see cref="TdhfInputException"/> naming the file and the one-based line.
/// </remarks>
public static partial class XyzReader
{
    /// <summary>Reads an xyz file.</summary>
    /// <param name="path">The file; coordinates in Å.</param>
    /// <param name="chargeOverride">A charge that replaces the comment line's (the CLI's <c>--charge</c>).</param>
    /// <returns>The molecule in bohr with <see cref="Molecule.Source"/> = <paramref name="path"/>.</returns>
    /// <exception cref="TdhfInputException">The file cannot be read or is malformed.</exception>
    public static Molecule Read(string path, int? chargeOverride = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TdhfInputException($"cannot read the xyz file: {e.Message}", path, inner: e);
        }
        return Parse(text, path, chargeOverride);
    }

    /// <summary>Parses xyz text.</summary>
    /// <param name="text">The whole file.</param>
    /// <param name="source">The name reported in errors and stored as <see cref="Molecule.Source"/>.</param>
    /// <param name="chargeOverride">A charge that replaces the comment line's.</param>
    /// <returns>The molecule in bohr.</returns>
    /// <exception cref="TdhfInputException">The text is malformed.</exception>
    public static Molecule Parse(string text, string source, int? chargeOverride = null)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        // A final newline yields one empty element that is not a line of the file.
        var lineCount = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;

        if (lineCount == 0 || string.IsNullOrWhiteSpace(lines[0]))
            throw new TdhfInputException("line 1 must hold the number of atoms, but it is empty", source, 1);
        var countText = lines[0].Trim();
        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var atomCount) || atomCount < 1)
            throw new TdhfInputException($"malformed atom count '{countText}': line 1 must hold the number of atoms, a positive integer", source, 1);
        if (lineCount < 2)
            throw new TdhfInputException($"the file ends after line 1, but it declares {atomCount} atoms; expected a comment line and {atomCount} atom lines", source, 2);

        var (fileCharge, fileMultiplicity) = ParseComment(lines[1], source);

        var atoms = new List<Atom>(atomCount);
        for (var i = 0; i < atomCount; i++)
        {
            var lineNumber = i + 3;
            if (lineNumber > lineCount)
                throw new TdhfInputException($"the file is truncated: line 1 declares {atomCount} atoms but only {i} atom lines follow the comment", source, lineNumber);
            atoms.Add(ParseAtom(lines[lineNumber - 1], i, atomCount, source, lineNumber));
        }

        for (var lineNumber = atomCount + 3; lineNumber <= lineCount; lineNumber++)
        {
            if (!string.IsNullOrWhiteSpace(lines[lineNumber - 1]))
                throw new TdhfInputException($"too many lines: line 1 declares {atomCount} atoms, which end on line {atomCount + 2}, but line {lineNumber} is not blank", source, lineNumber);
        }

        CheckSeparations(atoms, source);

        var charge = chargeOverride ?? fileCharge ?? 0;
        var electrons = atoms.Sum(a => a.AtomicNumber) - charge;
        if (electrons < 0)
        {
            if (chargeOverride is null)
                throw new TdhfInputException($"charge {charge} leaves {electrons} electrons", source, 2, "charge");
            throw new TdhfInputException($"charge {charge} given as an override leaves {electrons} electrons for {source}", key: "charge");
        }
        var multiplicity = fileMultiplicity ?? (electrons % 2 == 0 ? 1 : 2);
        return new Molecule(atoms, charge, multiplicity, source);
    }

    private static (int? Charge, int? Multiplicity) ParseComment(string comment, string source)
    {
        int? charge = null, multiplicity = null;
        var chargeMatch = ChargePattern().Match(comment);
        if (chargeMatch.Success)
        {
            var value = chargeMatch.Groups["value"].Value;
            if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var q))
                throw new TdhfInputException($"charge '{value}' in the comment line is not an integer", source, 2, "charge");
            charge = q;
        }
        var multiplicityMatch = MultiplicityPattern().Match(comment);
        if (multiplicityMatch.Success)
        {
            var value = multiplicityMatch.Groups["value"].Value;
            if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var m) || m < 1)
                throw new TdhfInputException($"multiplicity '{value}' in the comment line is not a positive integer", source, 2, "multiplicity");
            multiplicity = m;
        }
        return (charge, multiplicity);
    }

    private static Atom ParseAtom(string line, int index, int atomCount, string source, int lineNumber)
    {
        var columns = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (columns.Length == 0)
            throw new TdhfInputException($"expected atom {index + 1} of {atomCount} as 'Symbol x y z', found a blank line (line 1 declares {atomCount} atoms)", source, lineNumber);
        if (columns.Length != 4)
            throw new TdhfInputException($"expected 4 columns 'Symbol x y z' (Å) for atom {index + 1}, found {columns.Length}", source, lineNumber);

        var z = PeriodicTable.ParseSupported(columns[0], source, lineNumber);
        var position = new double[3];
        for (var k = 0; k < 3; k++)
        {
            var token = columns[k + 1];
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var angstrom) || !double.IsFinite(angstrom))
                throw new TdhfInputException($"{"xyz"[k]} coordinate '{token}' of atom {index + 1} is not a finite number", source, lineNumber);
            position[k] = angstrom / Molecule.BohrInAngstrom;
        }
        return new Atom(z, position[0], position[1], position[2]);
    }

    private static void CheckSeparations(List<Atom> atoms, string source)
    {
        for (var b = 1; b < atoms.Count; b++)
        {
            for (var a = 0; a < b; a++)
            {
                var r = atoms[a].DistanceTo(atoms[b]);
                if (r < Molecule.MinimumSeparation)
                    throw new TdhfInputException($"atoms {a + 1} (line {a + 3}) and {b + 1} (line {b + 3}) are at the same position (R = {r.ToString("G3", CultureInfo.InvariantCulture)} bohr)", source, b + 3);
            }
        }
    }

    // The look-behind keeps words such as "discharge=" from matching.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])charge\s*=\s*(?<value>[^\s,;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChargePattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:multiplicity|mult)\s*=\s*(?<value>[^\s,;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MultiplicityPattern();
}
