using System.Text.Json.Serialization;
using TorchTdhf.Chemistry;

namespace TorchTdhf.Dynamics.Generation;

/// <summary>Where a preset's <see cref="MolecularSystem"/> comes from.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ComputedSystem), "computed")]
[JsonDerivedType(typeof(ImportedSystem), "imported")]
public abstract record SystemSource
{
    /// <summary>Builds the system (integrals, RHF, orthonormal basis).</summary>
    public abstract MolecularSystem Build();

    /// <summary>A short human-readable description.</summary>
    public abstract string Describe();
}

/// <summary>A system computed from first principles: a shipped (or given) molecule in a basis set.</summary>
/// <param name="Molecule">Molecule name or xyz path.</param>
/// <param name="Basis">Basis-set name or .gbs path.</param>
public sealed record ComputedSystem(string Molecule, string Basis) : SystemSource
{
    /// <inheritdoc />
    public override MolecularSystem Build() => new MolecularSystemBuilder().Build(new SystemSpec(Molecule, Basis));

    /// <inheritdoc />
    public override string Describe() => $"{Molecule}/{Basis}";
}

/// <summary>
/// A system whose AO integrals were computed elsewhere and shipped as an npz (e.g. the learningTDHF paper's
/// Gaussian integrals under <c>data/paper/</c>, with their orthogonalisation matrix <c>x</c>).
/// </summary>
/// <param name="Path">The npz; a relative path is looked up next to the program (<c>data/…</c>) and then in the working folder.</param>
/// <param name="PaperConvention">The file's densities use the paper's conventions (trace N/2, conjugated).</param>
public sealed record ImportedSystem(string Path, bool PaperConvention = true) : SystemSource
{
    /// <inheritdoc />
    public override MolecularSystem Build() =>
        AoIntegralsFile.ReadSystem(ShippedData.Resolve(Path), new AoIntegralsFileOptions { PaperConvention = PaperConvention });

    /// <inheritdoc />
    public override string Describe() => $"imported {Path}";

}
