using System.Text;

namespace TorchTdhf.Reporting;

/// <summary>
/// Makes plain text safe for LaTeX: the specials \ { } _ % &amp; # $ ^ ~ are escaped, except inside a pair of
/// dollar signs, which is taken as math and passed through (so "error $&lt; 10^{-7}$" stays math). An unpaired '$'
/// is escaped. Other Unicode passes through; compile with a UTF-8 aware engine.
/// </summary>
public static class LatexText
{
    /// <summary>The escaped text.</summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] == '$')
            {
                var close = text.IndexOf('$', k + 1);
                if (close > k)
                {
                    result.Append(text, k, close - k + 1);
                    k = close;
                    continue;
                }
            }
            result.Append(EscapeChar(text[k]));
        }
        return result.ToString();
    }

    private static string EscapeChar(char c) => c switch
    {
        '\\' => @"\textbackslash{}",
        '{' => @"\{",
        '}' => @"\}",
        '_' => @"\_",
        '%' => @"\%",
        '&' => @"\&",
        '#' => @"\#",
        '$' => @"\$",
        '^' => @"\textasciicircum{}",
        '~' => @"\textasciitilde{}",
        '\r' or '\n' => " ",
        _ => c.ToString(),
    };
}
