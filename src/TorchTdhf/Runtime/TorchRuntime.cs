using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TorchTdhf.Runtime;

/// <summary>
/// Prepares TorchSharp before the first tensor is made: one copy of its assembly in script hosts
/// (<see cref="HostedAssemblyBinding"/>) and the patched
/// <c>libLibTorchSharp.so</c> next to this assembly (hosts such as .NET Interactive do not resolve it through deps.json).
/// </summary>
public static class TorchRuntime
{
    /// <summary>Runs once when the library is loaded.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "libtorch must see its environment before any torch call, whichever host loads the library.")]
    [ModuleInitializer]
    internal static void Initialize()
    {
        HostedAssemblyBinding.Install(typeof(TorchRuntime).Assembly);
        if (!OperatingSystem.IsLinux()) return;
        PreloadPatchedLibrary();
    }

    private static void PreloadPatchedLibrary()
    {
        var folder = Path.GetDirectoryName(typeof(TorchRuntime).Assembly.Location);
        if (string.IsNullOrEmpty(folder)) return;
        string[] candidates =
        {
            Path.Combine(folder, "libLibTorchSharp.so"),
            Path.Combine(folder, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
        };
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out _)) return;
        }
    }
}
