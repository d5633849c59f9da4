namespace TorchTdhf.Chemistry.Integrals;

/// <summary>The compiled <see cref="QuartetClass"/>es one ERI computation needs, looked up by angular momenta.</summary>
internal sealed class QuartetClasses
{
    private readonly QuartetClass?[] _byKey = new QuartetClass?[4 * 4 * 4 * 4];
    private readonly List<QuartetClass> _used = [];

    /// <summary>Every class added, for sizing scratch.</summary>
    public IReadOnlyList<QuartetClass> Used => _used;

    /// <summary>Compiles (l_a l_b | l_c l_d) unless it is already there.</summary>
    public void Add(int la, int lb, int lc, int ld)
    {
        var key = QuartetClass.Key(la, lb, lc, ld);
        if (_byKey[key] is not null) return;
        var cls = new QuartetClass(la, lb, lc, ld);
        _byKey[key] = cls;
        _used.Add(cls);
    }

    /// <summary>The class of a bra and ket pair, which must have been added.</summary>
    public QuartetClass For(EriShellPair bra, EriShellPair ket) =>
        _byKey[QuartetClass.Key(bra.A.L, bra.B.L, ket.A.L, ket.B.L)] ?? throw new InvalidOperationException("quartet class was not compiled");
}
