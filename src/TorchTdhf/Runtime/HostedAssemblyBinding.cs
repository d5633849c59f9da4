using System.Reflection;
using System.Runtime.Loader;

namespace TorchTdhf.Runtime;

/// <summary>
/// Keeps one copy of each of the library's dependencies when a script host loads the library. Roslyn's script
/// loader (.NET Interactive, dotnet repl) puts every assembly it loads from a file into a context of its own and, when
/// a dependency asks for another version of an assembly than the one already loaded from that folder, loads the file
/// a second time. TorchSharp.PyBridge 1.4.4 references TorchSharp 0.103, so without this binding it got a second copy
/// of TorchSharp 0.107 and <c>save_py</c>/<c>load_py</c> failed with a <see cref="MissingMethodException"/> (their
/// <c>Module</c> parameter was the other copy's type).
/// </summary>
internal static class HostedAssemblyBinding
{
    /// <summary>
    /// When <paramref name="library"/> lives outside the default load context, answers requests for older versions of
    /// the assemblies it references with the copies the library itself binds to. Does nothing in an ordinary
    /// application, whose default context already binds an older reference to the newer assembly it ships.
    /// </summary>
    public static void Install(Assembly library)
    {
        var libraryContext = AssemblyLoadContext.GetLoadContext(library);
        if (libraryContext is null || libraryContext == AssemblyLoadContext.Default) return;
        var references = library.GetReferencedAssemblies();
        // The default context's Resolving event runs before the script loader's own resolver for every context that
        // falls back to the default one, so this answer wins over the loader's second copy.
        AssemblyLoadContext.Default.Resolving += (_, requested) =>
            NewerReference(requested, references) is { } own ? libraryContext.LoadFromAssemblyName(own) : null;
    }

    /// <summary>
    /// The library's reference to the assembly <paramref name="requested"/> names when it asks for an older version of
    /// it (same simple name and public key token); null otherwise, including for the library's own version, so the
    /// host resolves that one as usual.
    /// </summary>
    /// <param name="requested">The reference being resolved.</param>
    /// <param name="references">The library's assembly references.</param>
    public static AssemblyName? NewerReference(AssemblyName requested, IReadOnlyList<AssemblyName> references)
    {
        if (requested.Version is null) return null;
        var own = references.FirstOrDefault(r => string.Equals(r.Name, requested.Name, StringComparison.OrdinalIgnoreCase));
        if (own?.Version is null || requested.Version >= own.Version) return null;
        var token = requested.GetPublicKeyToken() ?? Array.Empty<byte>();
        return token.AsSpan().SequenceEqual(own.GetPublicKeyToken() ?? Array.Empty<byte>()) ? own : null;
    }
}
