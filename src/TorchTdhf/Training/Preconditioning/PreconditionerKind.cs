namespace TorchTdhf.Training.Preconditioning;

/// <summary>How LSMR's problem is preconditioned.</summary>
public enum PreconditionerKind
{
    /// <summary>No preconditioner: LSMR iterates on θ.</summary>
    None,

    /// <summary>The Cholesky factor of the model's ridge-regularised normal matrix (<see cref="PreconditionedRidge"/>): for
    /// the small bases only (its memory grows as N⁸/16), where it turns thousands of iterations on one trajectory into tens.</summary>
    Normal,
}

/// <summary>Names of <see cref="PreconditionerKind"/> as users type them.</summary>
public static class PreconditionerKinds
{
    /// <summary>Every preconditioner.</summary>
    public static IReadOnlyList<PreconditionerKind> All { get; } = Enum.GetValues<PreconditionerKind>();

    /// <summary>The lower-case name of a preconditioner.</summary>
    public static string Name(this PreconditionerKind kind) => EnumNames.Of(kind);

    /// <summary>Parses a preconditioner name (case-insensitive).</summary>
    /// <exception cref="TdhfInputException">An unknown name; the message lists the known ones.</exception>
    public static PreconditionerKind Parse(string text) => EnumNames.Parse(text, All, "preconditioner", "preconditioner");
}
