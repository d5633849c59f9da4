using System.Globalization;

namespace TorchTdhf.Chemistry;

/// <summary>
/// Reads basis sets in the Gaussian94 (<c>.gbs</c>) format of psi4's library, as in <c>data/basis</c>.
/// </summary>
/// <remarks>
/// <para>Layout: a first line <c>spherical</c> or <c>cartesian</c>; <c>!</c> starts a comment; element blocks open
/// with <c>&lt;Symbol&gt; 0</c> and close with <c>****</c>; each shell is a line <c>&lt;L&gt; &lt;nprim&gt; &lt;scale&gt;</c>
/// followed by <c>nprim</c> lines <c>exponent coefficient</c>, or <c>exponent s-coefficient p-coefficient</c> for
/// <c>SP</c>.</para>
/// <para>L is one of S, P, D, F, G, H, I or SP; an SP shell becomes an s then a p definition. Shells above f are
/// kept so that complete files load, and refused when an element that has them is used. Repeated shells that
/// share exponents (general contractions) stay separate. A scale factor s multiplies every exponent by s².
/// Numbers may use the Fortran exponent marker (<c>0.290250D-03</c>). Effective core potentials (blocks
/// <c>&lt;Symbol&gt; 0</c> then <c>&lt;Symbol&gt;-ECP lmax ncore</c>, as at the end of def2 files) are checked for shape and
/// only remembered, so that elements with one are refused on use. Errors name the file and line.</para>
/// </remarks>
public static class GaussianBasisParser
{
    private const string Terminator = "****";

    /// <summary>Reads a <c>.gbs</c> file; the basis set is named after the file, without extension.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="TdhfInputException">The file cannot be read or is malformed.</exception>
    public static BasisSet ParseFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TdhfInputException($"cannot read the basis-set file: {e.Message}", path, inner: e);
        }
        return Parse(text, Path.GetFileNameWithoutExtension(path), path);
    }

    /// <summary>Parses <c>.gbs</c> text.</summary>
    /// <param name="text">The whole file.</param>
    /// <param name="name">The basis set's name.</param>
    /// <param name="sourceFile">The file named in errors and stored in <see cref="BasisSet.SourceFile"/>; <paramref name="name"/> is used in errors when null.</param>
    /// <exception cref="TdhfInputException">The text is malformed.</exception>
    public static BasisSet Parse(string text, string name, string? sourceFile = null)
    {
        var reader = new LineReader(text, sourceFile ?? name);
        var isSpherical = ReadHeader(reader);
        var elements = new Dictionary<string, IReadOnlyList<ShellDefinition>>(StringComparer.OrdinalIgnoreCase);
        var corePotentials = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        while (reader.NextContent() is { } content)
        {
            if (content == Terminator) continue;
            var elementLine = reader.LineNumber;
            var symbol = ReadElementLine(reader, content);
            var first = reader.NextContent()
                ?? throw new TdhfInputException($"truncated block: element {symbol} (opened on line {elementLine}) is not closed by '{Terminator}'", reader.Source, reader.LineNumber);
            if (IsCorePotentialHeader(first))
            {
                if (!corePotentials.TryAdd(symbol, reader.LineNumber))
                    throw reader.Error($"element {symbol} has two effective core potentials");
                SkipCorePotential(reader, first);
                continue;
            }
            var shells = ReadShells(reader, symbol, elementLine, first);
            if (!elements.TryAdd(symbol, shells))
                throw new TdhfInputException($"element {symbol} is defined twice", reader.Source, elementLine);
        }
        if (elements.Count == 0)
            throw new TdhfInputException("the file defines no elements", sourceFile ?? name);
        return new BasisSet(name, isSpherical, elements, sourceFile, corePotentials);
    }

    private static bool ReadHeader(LineReader reader)
    {
        var header = reader.NextContent()
            ?? throw new TdhfInputException("the file is empty; expected a first line 'spherical' or 'cartesian'", reader.Source);
        return header.ToLowerInvariant() switch
        {
            "spherical" => true,
            "cartesian" => false,
            _ => throw reader.Error($"missing header: the first line must be 'spherical' or 'cartesian', found '{header}'"),
        };
    }

    private static string ReadElementLine(LineReader reader, string elementLine)
    {
        var tokens = Split(elementLine);
        if (tokens.Length != 2 || tokens[1] != "0")
            throw reader.Error($"expected an element line '<Symbol> 0', found '{elementLine}'");
        if (!PeriodicTable.TryGetAtomicNumber(tokens[0], out _))
            throw reader.Error($"unknown element symbol '{tokens[0]}'");
        return PeriodicTable.CanonicalSymbol(tokens[0]);
    }

    private static List<ShellDefinition> ReadShells(LineReader reader, string symbol, int elementLine, string firstContent)
    {
        var shells = new List<ShellDefinition>();
        var content = firstContent;
        while (content != Terminator)
        {
            ReadShell(reader, content, shells);
            content = reader.NextContent()
                ?? throw new TdhfInputException($"truncated block: element {symbol} (opened on line {elementLine}) is not closed by '{Terminator}'", reader.Source, reader.LineNumber);
        }
        if (shells.Count == 0)
            throw new TdhfInputException($"element {symbol} has no shells", reader.Source, elementLine);
        return shells;
    }

    private static bool IsCorePotentialHeader(string content) =>
        Split(content)[0].EndsWith("-ECP", StringComparison.OrdinalIgnoreCase);

    // Gaussian's ECP section (after the basis blocks of def2 files): "<Sym>-ECP lmax ncore", then lmax + 1
    // potentials, each a title line, a term count and "power exponent coefficient" lines. It is only checked for
    // shape: no supported element (H–Kr) has one in the shipped files, and an element that does is refused on use.
    private static void SkipCorePotential(LineReader reader, string header)
    {
        var tokens = Split(header);
        if (tokens.Length != 3
            || !int.TryParse(tokens[1], NumberStyles.None, CultureInfo.InvariantCulture, out var maxL)
            || !int.TryParse(tokens[2], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            throw reader.Error($"expected an ECP header '<Sym>-ECP <lmax> <core electrons>', found '{header}'");
        for (var potential = 0; potential <= maxL; potential++)
        {
            _ = reader.NextContent() ?? throw reader.Error($"truncated ECP: {maxL + 1} potentials declared, {potential} found");
            var countLine = reader.NextContent() ?? throw reader.Error("truncated ECP: a potential has no term count");
            if (!int.TryParse(countLine, NumberStyles.None, CultureInfo.InvariantCulture, out var terms) || terms < 1)
                throw reader.Error($"expected the number of ECP terms, found '{countLine}'");
            for (var term = 0; term < terms; term++)
            {
                var line = reader.NextContent() ?? throw reader.Error($"truncated ECP: {terms} terms declared, {term} found");
                var values = Split(line);
                if (values.Length != 3 || !values.All(v => TryParseNumber(v, out _)))
                    throw reader.Error($"expected an ECP term 'power exponent coefficient', found '{line}'");
            }
        }
    }

    private static void ReadShell(LineReader reader, string shellLine, List<ShellDefinition> shells)
    {
        var headerLine = reader.LineNumber;
        var tokens = Split(shellLine);
        if (tokens.Length is not (2 or 3))
            throw reader.Error($"expected a shell line '<L> <nprim> <scale>' or '{Terminator}', found '{shellLine}'");
        var letter = tokens[0].ToUpperInvariant();
        var isSp = letter == "SP";
        var l = isSp ? 1 : "SPDFGHI".IndexOf(letter, StringComparison.Ordinal);
        if ((letter.Length != 1 && !isSp) || l < 0)
        {
            var hint = TryParseNumber(tokens[0], out _)
                ? " (a number here usually means a shell has more primitive lines than it declares)"
                : "";
            throw reader.Error($"unknown shell type '{tokens[0]}' in '{shellLine}': expected S, P, D, F, G, H, I or SP{hint}");
        }
        if (!int.TryParse(tokens[1], NumberStyles.None, CultureInfo.InvariantCulture, out var primitiveCount) || primitiveCount < 1)
            throw reader.Error($"the number of primitives '{tokens[1]}' must be a positive integer");
        var scale = tokens.Length == 3 ? ParseNumber(reader, tokens[2], "scale factor") : 1.0;
        if (scale <= 0) throw reader.Error($"the scale factor {tokens[2]} must be positive");

        var columns = isSp ? 3 : 2;
        var exponents = new double[primitiveCount];
        var first = new double[primitiveCount];
        var second = new double[primitiveCount];
        for (var k = 0; k < primitiveCount; k++)
        {
            var line = reader.NextContent()
                ?? throw new TdhfInputException($"truncated block: the {letter} shell on line {headerLine} declares {primitiveCount} primitives but the file ends after {k}", reader.Source, reader.LineNumber);
            var values = Split(line);
            if (!TryParseNumber(values[0], out _))
                throw reader.Error($"the {letter} shell on line {headerLine} declares {primitiveCount} primitives but only {k} follow");
            if (values.Length != columns)
                throw reader.Error($"a primitive of an {letter} shell needs {columns} numbers ({(isSp ? "exponent, s and p coefficients" : "exponent and coefficient")}), found {values.Length}");
            exponents[k] = ParseNumber(reader, values[0], "exponent") * scale * scale;
            if (exponents[k] <= 0) throw reader.Error($"exponent {values[0]} must be positive");
            first[k] = ParseNumber(reader, values[1], "coefficient");
            if (isSp) second[k] = ParseNumber(reader, values[2], "p coefficient");
        }

        shells.Add(new ShellDefinition(isSp ? 0 : l, exponents, first, headerLine));
        if (isSp) shells.Add(new ShellDefinition(1, exponents, second, headerLine));
    }

    private static double ParseNumber(LineReader reader, string token, string what)
    {
        if (!TryParseNumber(token, out var value) || !double.IsFinite(value))
            throw reader.Error($"bad number '{token}' for the {what}");
        return value;
    }

    // Fortran writes the exponent marker as D (0.290250D-03); .NET only knows E.
    private static bool TryParseNumber(string token, out double value) =>
        double.TryParse(token.Replace('D', 'E').Replace('d', 'e'), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static string[] Split(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Walks the lines of a file, skipping comments and blank lines, remembering where it is for errors.</summary>
    private sealed class LineReader(string text, string source)
    {
        private readonly string[] _lines = text.EndsWith('\n') ? text[..^1].Split('\n') : text.Split('\n');
        private int _next;

        public string Source { get; } = source;

        /// <summary>One-based number of the line last returned.</summary>
        public int LineNumber { get; private set; }

        /// <summary>The next line with content, comment removed and trimmed; null at the end.</summary>
        public string? NextContent()
        {
            while (_next < _lines.Length)
            {
                var line = _lines[_next++];
                LineNumber = _next;
                var bang = line.IndexOf('!', StringComparison.Ordinal);
                var content = (bang >= 0 ? line[..bang] : line).Trim();
                if (content.Length > 0) return content;
            }
            return null;
        }

        public TdhfInputException Error(string problem) => new(problem, Source, LineNumber);
    }
}
