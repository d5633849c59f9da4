using System.Text.RegularExpressions;

namespace TorchTdhf.Datasets;

/// <summary>One trajectory to be written into a dataset folder.</summary>
/// <param name="Id">Unique within the dataset and used as its folder name: letters, digits, '.', '_' and '-', not starting with '.'.</param>
/// <param name="Role">What it is for, e.g. <c>train</c>, <c>ensemble</c>, <c>test-field-free</c>, <c>test-field-on</c>.</param>
/// <param name="Spec">What is propagated.</param>
public sealed partial record TrajectoryMember(string Id, string Role, TrajectorySpec Spec)
{
    /// <summary>Checks the id, role and spec.</summary>
    /// <exception cref="TdhfInputException">Something is invalid; the key names it.</exception>
    public void Validate()
    {
        if (!IdPattern().IsMatch(Id) || Id.Equals(DatasetFolder.ManifestFileName, StringComparison.OrdinalIgnoreCase))
            throw new TdhfInputException($"trajectory id '{Id}' is not a plain file name (letters, digits, '.', '_', '-'; up to 128 characters)", key: "id");
        if (string.IsNullOrWhiteSpace(Role)) throw new TdhfInputException($"trajectory '{Id}' has an empty role", key: "role");
        Spec.Validate();
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex IdPattern();
}
