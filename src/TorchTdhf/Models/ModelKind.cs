namespace TorchTdhf.Models;

/// <summary>The three parameterisations of a learnable two-electron potential.</summary>
public enum ModelKind
{
    /// <summary>One real N²×N² tensor β applied to Re P and Im P alike; the potential is the Hermitian part.</summary>
    Tied,

    /// <summary>Separate real maps Re P → symmetric Re G and Im P → antisymmetric Im G: Hermitian for any parameters.</summary>
    Herm,

    /// <summary>The unique entries of a tensor with the eight-fold permutation symmetry of real ERIs.</summary>
    Symm,
}

/// <summary>Names of <see cref="ModelKind"/> as users type them (<c>tied</c>, <c>herm</c>, <c>symm</c>).</summary>
public static class ModelKinds
{
    /// <summary>Every kind, in the paper's order.</summary>
    public static IReadOnlyList<ModelKind> All { get; } = new[] { ModelKind.Tied, ModelKind.Herm, ModelKind.Symm };

    /// <summary>The lower-case name of a kind.</summary>
    public static string Name(this ModelKind kind) => EnumNames.Of(kind);

    /// <summary>Parses <c>tied</c>, <c>herm</c> or <c>symm</c> (case-insensitive).</summary>
    /// <exception cref="TdhfInputException">Anything else; the message lists the known names.</exception>
    public static ModelKind Parse(string text) => EnumNames.Parse(text, All, "model", "model");
}
