using System.Numerics;

namespace TorchTdhf.Chemistry;

/// <summary>What <see cref="AoIntegralsFile.Read"/> found in an archive.</summary>
/// <param name="Path">The archive.</param>
/// <param name="Integrals">The AO integrals and electron count.</param>
/// <param name="Basis">The orthonormal basis from key <c>x</c> ([N, M], XᵀSX = 1 checked), or null when the file has none.</param>
/// <param name="Density">
/// <c>p0_orthonormal</c> converted to the convention of <see cref="MolecularSystem"/>: [M, M] complex128, orthonormal (the basis
/// of <paramref name="Basis"/>), Hermitian, Tr = N_electrons; null when the file has none.
/// </param>
public sealed record ImportedIntegrals(string Path, AoIntegrals Integrals, OrthonormalBasis? Basis, Complex[,]? Density);
