using System.Runtime.CompilerServices;
using TorchSharp;

namespace TorchTdhf.Tests;

/// <summary>Runs libtorch single-threaded in the test process.</summary>
internal static class TorchThreads
{
    /// <summary>
    /// The tests use matrices of a few dozen elements, where libtorch's intra-op threads only add synchronisation, and
    /// on a shared two-core machine their spin-waiting made the dynamics tests about ten times slower.
    /// </summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Must run before any test touches torch, whichever test runs first.")]
    internal static void UseOneThread()
    {
        // TorchTdhf prepares libtorch's environment in its own module initializer, which must come first.
        RuntimeHelpers.RunModuleConstructor(typeof(TorchTdhf.Runtime.TorchRuntime).Module.ModuleHandle);
        torch.set_num_threads(1);
    }
}
