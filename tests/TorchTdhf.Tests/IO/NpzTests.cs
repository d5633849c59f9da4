using System.IO.Compression;
using System.Numerics;
using TorchTdhf.IO;

namespace TorchTdhf.Tests.IO;

public class NpzTests
{
    [Fact]
    public void ReadsNumPyWrittenReferenceArchive()
    {
        using var npz = NpzReader.Open(Fixtures.Reference("heh+_6-31g.npz"));
        var overlap = npz.Get("overlap");
        Assert.Equal(NpyDType.Float64, overlap.DType);
        Assert.Equal(new long[] { 4, 4 }, overlap.Shape);
        var s = overlap.ToMatrix();
        for (var i = 0; i < 4; i++) Assert.Equal(1.0, s[i, i], 12);
        Assert.Equal(new long[] { 4, 4, 4, 4 }, npz.Get("eri").Shape);
        Assert.Equal(1.3709254162430002, npz.Get("nuclear_repulsion").ScalarDouble(), 14);
        Assert.Equal(2, npz.Get("n_electrons").ScalarLong());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RoundTripsArchives(bool compress)
    {
        using var folder = new TempFolder();
        var path = folder.File("out.npz");
        var p = Enumerable.Range(0, 27).Select(i => new Complex(Math.Sin(i), Math.Cos(i))).ToArray();
        Npz.Write(path, new Dictionary<string, NpyArray>
        {
            ["P"] = NpyArray.Of(p, 3, 3, 3),
            ["dt"] = NpyArray.Scalar(0.5),
            ["steps"] = NpyArray.Scalar(10L),
        }, compress);
        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.Equal(new[] { "P.npy", "dt.npy", "steps.npy" }, zip.Entries.Select(e => e.FullName));
        }
        using var npz = NpzReader.Open(path);
        Assert.Equal(p, npz.Get("P").ToComplexArray());
        Assert.Equal(0.5, npz.Get("dt").ScalarDouble());
        Assert.Equal(10, npz.Get("steps").ScalarLong());
        Assert.Empty(npz.Get("dt").Shape);
    }

    [Fact]
    public void MissingKeyNamesFileAndKey()
    {
        using var npz = NpzReader.Open(Fixtures.Reference("heh+_6-31g.npz"));
        var error = Assert.Throws<TdhfInputException>(() => npz.Get("fock"));
        Assert.Equal("fock", error.Key);
        Assert.Contains("heh+_6-31g.npz", error.Message);
        Assert.Contains("overlap", error.Message);
    }

    [Fact]
    public void NotAnArchiveIsAClearError()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.npz");
        File.WriteAllText(path, "not a zip");
        var error = Assert.Throws<TdhfInputException>(() => NpzReader.Open(path));
        Assert.Contains("bad.npz", error.Message);
    }

    [Fact]
    public void FailedWriteLeavesThePreviousFileAndNoTemporary()
    {
        using var folder = new TempFolder();
        var path = folder.File("keep.npz");
        Npz.Write(path, new Dictionary<string, NpyArray> { ["a"] = NpyArray.Scalar(1.0) });
        var before = File.ReadAllBytes(path);
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[100]);
            throw new InvalidOperationException("disk full");
        }));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }
}
