namespace TorchTdhf.Dynamics.Generation;

/// <summary>Finds files that presets name relative to the program's shipped <c>data/</c> folder.</summary>
public static class ShippedData
{
    /// <summary>
    /// The file a path names: a rooted path as it is; a relative one next to the program when it exists there
    /// (e.g. <c>data/paper/lih_6-31g.npz</c>) or next to this library, else relative to the working folder.
    /// </summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var shipped = Runtime.ShippedDataFolder.Locate(path);
        return File.Exists(shipped) ? shipped : Path.GetFullPath(path);
    }
}
