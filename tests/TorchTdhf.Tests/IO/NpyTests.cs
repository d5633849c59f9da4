using System.Numerics;
using System.Text;
using TorchTdhf.IO;

namespace TorchTdhf.Tests.IO;

public class NpyTests
{
    [Fact]
    public void WritesTheHeaderNumPyWrites()
    {
        using var stream = new MemoryStream();
        Npy.Write(stream, NpyArray.Of(new[] { 1.0, 2, 3, 4, 5, 6 }, 2, 3));
        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, bytes[..8]);
        var headerLength = BitConverter.ToUInt16(bytes, 8);
        Assert.Equal(0, (10 + headerLength) % 64);
        var header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.StartsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", header);
        Assert.EndsWith("\n", header);
        Assert.Equal(10 + headerLength + 6 * 8, bytes.Length);
        Assert.Equal(6.0, BitConverter.ToDouble(bytes, bytes.Length - 8));
    }

    [Theory]
    [InlineData(new long[0], "()")]
    [InlineData(new long[] { 5 }, "(5,)")]
    public void WritesScalarAndVectorShapesAsPythonTuples(long[] shape, string expected)
    {
        using var stream = new MemoryStream();
        var count = shape.Aggregate(1L, (a, b) => a * b);
        Npy.Write(stream, NpyArray.Of(new double[count], shape));
        Assert.Contains($"'shape': {expected}, }}", Encoding.ASCII.GetString(stream.ToArray()));
    }

    [Fact]
    public void RoundTripsComplex128()
    {
        var data = Enumerable.Range(0, 18).Select(i => new Complex(i, -0.5 * i)).ToArray();
        using var stream = new MemoryStream();
        Npy.Write(stream, NpyArray.Of(data, 2, 3, 3));
        stream.Position = 0;
        var back = Npy.Read(stream, "memory");
        Assert.Equal(NpyDType.Complex128, back.DType);
        Assert.Equal(new long[] { 2, 3, 3 }, back.Shape);
        Assert.Equal(data, back.ToComplexArray());
        Assert.Contains("'descr': '<c16'", Encoding.ASCII.GetString(stream.ToArray(), 0, 128));
    }

    [Fact]
    public void ReadsFortranOrderIntoCOrder()
    {
        // A 2×3 matrix [[1,2,3],[4,5,6]] stored column by column, as numpy writes np.asfortranarray(a).
        var header = "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }";
        header += new string(' ', 128 - 10 - header.Length - 1) + "\n";
        using var stream = new MemoryStream();
        stream.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 });
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(Encoding.ASCII.GetBytes(header));
        foreach (var v in new[] { 1.0, 4, 2, 5, 3, 6 }) stream.Write(BitConverter.GetBytes(v));
        stream.Position = 0;
        var matrix = Npy.Read(stream, "fortran.npy").ToMatrix();
        Assert.Equal(new[,] { { 1.0, 2, 3 }, { 4, 5, 6 } }, matrix);
    }

    [Fact]
    public void TruncatedDataNamesTheFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("short.npy");
        Npy.Write(path, NpyArray.Of(new double[10], 10));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^8]);
        var error = Assert.Throws<TdhfInputException>(() => Npy.Read(path));
        Assert.Contains("short.npy", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void RejectsUnsupportedTypes()
    {
        var header = "{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }";
        header += new string(' ', 128 - 10 - header.Length - 1) + "\n";
        using var stream = new MemoryStream();
        stream.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 });
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(Encoding.ASCII.GetBytes(header));
        stream.Write(new byte[8]);
        stream.Position = 0;
        var error = Assert.Throws<TdhfInputException>(() => Npy.Read(stream, "big.npy", "x"));
        Assert.Contains(">f8", error.Message);
        Assert.Equal("x", error.Key);
    }

    [Fact]
    public void ConvertsToAndFromTensors()
    {
        var data = Enumerable.Range(0, 8).Select(i => new Complex(i, 1)).ToArray();
        using var tensor = NpyArray.Of(data, 2, 2, 2).ToTensor();
        Assert.Equal(TorchSharp.torch.ScalarType.ComplexFloat64, tensor.dtype);
        Assert.Equal(new long[] { 2, 2, 2 }, tensor.shape);
        var back = NpyArray.FromTensor(tensor.transpose(0, 2));
        Assert.Equal(data[4], back.ToComplexArray()[1]);
    }
}
