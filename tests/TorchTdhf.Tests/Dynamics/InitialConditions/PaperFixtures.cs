namespace TorchTdhf.Tests.Dynamics.InitialConditions;

/// <summary>The learningTDHF paper data copied into the test fixtures (see shared/paper-data/README.md).</summary>
internal static class PaperFixtures
{
    /// <summary>HeH+ in 6-31G: N = 4, two electrons; keys <c>p0_orthonormal</c> [4, 4] and <c>p0_ensemble</c> [100, 4, 4], Tr = N_e/2, conjugated.</summary>
    public static string HehPlus => Path.Combine(Fixtures.Folder, "paper-data", "heh+_6-31g.npz");
}
