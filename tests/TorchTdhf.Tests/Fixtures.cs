namespace TorchTdhf.Tests;

/// <summary>Paths of the test fixtures copied next to the test assembly.</summary>
internal static class Fixtures
{
    /// <summary>Folder of the fixtures in the test output.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>A psi4 reference file, e.g. <c>Reference("heh+_6-31g.npz")</c>.</summary>
    public static string Reference(string name) => Path.Combine(Folder, "reference", name);
}
