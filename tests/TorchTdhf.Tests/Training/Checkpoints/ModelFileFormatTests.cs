using System.IO.Compression;
using System.Text;
using TorchTdhf.Training.Checkpoints;
using static TorchTdhf.Tests.Training.Checkpoints.CheckpointFixtures;

namespace TorchTdhf.Tests.Training.Checkpoints;

/// <summary>
/// model.pt must be what <c>torch.load</c> reads: a zip whose members share one top folder, with a <c>version</c>
/// record, a pickled dictionary in <c>data.pkl</c> that rebuilds tensors from float64 storages, and one raw
/// little-endian storage per tensor under <c>data/</c>.
/// </summary>
public class ModelFileFormatTests
{
    [Fact]
    public void ModelFileIsAPyTorchZipOfFloat64Storages()
    {
        using var folder = new TempFolder();
        using var model = new TinyModel(seed: 1);
        var store = new CheckpointStore(folder.File("run"));
        store.Save(Content(model, optimizer: null, solver: null, iteration: 1));

        using var zip = ZipFile.OpenRead(Path.Combine(store.LatestFolder, CheckpointLayout.Model));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        var top = names[0].Split('/')[0];
        Assert.All(names, n => Assert.StartsWith(top + "/", n));
        Assert.Equal("3", Read(zip, $"{top}/version").Trim());

        var pickle = Read(zip, $"{top}/data.pkl", Encoding.Latin1);
        Assert.Equal(0x80, pickle[0]);
        Assert.Contains("torch._utils\n_rebuild_tensor_v2", pickle);
        Assert.Contains("torch\nDoubleStorage", pickle);
        Assert.DoesNotContain("FloatStorage", pickle);
        var parameters = model.state_dict();
        Assert.All(parameters.Keys, key => Assert.Contains(key, pickle));

        var storages = zip.Entries.Where(e => e.FullName.StartsWith($"{top}/data/", StringComparison.Ordinal))
            .Select(e => Bytes(e)).ToList();
        Assert.Equal(parameters.Count, storages.Count);
        foreach (var tensor in parameters.Values)
            Assert.Contains(storages, s => s.AsSpan().SequenceEqual(CheckpointFixtures.Bytes(tensor)));
    }

    private static string Read(ZipArchive zip, string name, Encoding? encoding = null) =>
        (encoding ?? Encoding.ASCII).GetString(Bytes(zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"no member {name}")));

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
