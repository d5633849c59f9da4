using System.Globalization;
using System.Numerics;

namespace TorchTdhf.Training.Autograd;

/// <summary>
/// The xoshiro256** pseudo-random generator (Blackman &amp; Vigna), seeded through SplitMix64, with its whole state
/// exportable as a string: unlike <see cref="Random"/>, a run that is stopped and resumed from the exported state
/// draws exactly the numbers an uninterrupted run would.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private const string Prefix = "xoshiro256**:";
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A generator whose four state words are the first four SplitMix64 outputs from <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var mixer = seed;
        _s0 = SplitMix64(ref mixer);
        _s1 = SplitMix64(ref mixer);
        _s2 = SplitMix64(ref mixer);
        _s3 = SplitMix64(ref mixer);
    }

    private Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3) => (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var shifted = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= shifted;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias (multiply-and-reject).</summary>
    /// <param name="bound">Exclusive upper bound, at least 1.</param>
    public ulong NextBelow(ulong bound)
    {
        if (bound == 0) throw new ArgumentOutOfRangeException(nameof(bound), "the bound must be positive");
        // 2⁶⁴ mod bound: products whose low word falls below it belong to an incomplete last stripe and are redrawn.
        var threshold = unchecked(0UL - bound) % bound;
        while (true)
        {
            var high = Math.BigMul(NextUInt64(), bound, out var low);
            if (low >= threshold) return high;
        }
    }

    /// <summary>A uniformly random permutation of 0 … <paramref name="count"/> − 1 (Fisher–Yates).</summary>
    public long[] Permutation(long count)
    {
        var order = new long[count];
        for (var i = 0L; i < count; i++) order[i] = i;
        for (var i = count - 1; i > 0; i--)
        {
            var j = (long)NextBelow((ulong)i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>The state as text, e.g. <c>xoshiro256**:0123…:…:…:…</c> (four 64-bit words in hexadecimal).</summary>
    public string ExportState() =>
        Prefix + string.Join(":", new[] { _s0, _s1, _s2, _s3 }.Select(w => w.ToString("x16", CultureInfo.InvariantCulture)));

    /// <summary>A generator continuing from a state written by <see cref="ExportState"/>.</summary>
    /// <exception cref="TdhfInputException">The text is not such a state (key <c>rngState</c>).</exception>
    public static Xoshiro256StarStar FromState(string state)
    {
        var words = state.StartsWith(Prefix, StringComparison.Ordinal) ? state[Prefix.Length..].Split(':') : Array.Empty<string>();
        var values = new ulong[4];
        var valid = words.Length == 4 && words.Select((w, i) =>
            ulong.TryParse(w, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out values[i])).All(ok => ok);
        if (!valid) throw new TdhfInputException($"not a random generator state: '{state}' (expected {Prefix} and four hexadecimal words)", key: "rngState");
        // The all-zero state is the generator's one fixed point: it would return zeros forever.
        if (values.All(v => v == 0)) throw new TdhfInputException("the random generator state must not be all zeros", key: "rngState");
        return new Xoshiro256StarStar(values[0], values[1], values[2], values[3]);
    }

    /// <summary>One SplitMix64 output; advances <paramref name="state"/> by the golden-ratio increment.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
