using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchTdhf.Training.Checkpoints;

/// <summary>
/// The optimizer's state (per-parameter buffers such as Adam's moments and step counts, and the options of each
/// parameter group) in TorchSharp's own binary format: it restores every field TorchSharp keeps, bit for bit,
/// which a translation to PyTorch's optimizer dictionary does not promise.
/// </summary>
internal static class OptimizerStateFile
{
    /// <summary>The optimizer as one whose state TorchSharp can serialize.</summary>
    /// <exception cref="ArgumentException">A natively implemented optimizer (TorchSharp cannot read its state).</exception>
    public static OptimizerHelper Saveable(optim.Optimizer optimizer) => optimizer as OptimizerHelper
        ?? throw new ArgumentException(
            $"the state of a {optimizer.GetType().Name} optimizer cannot be saved (TorchSharp serializes only its managed optimizers)",
            nameof(optimizer));

    /// <summary>Writes the state to <paramref name="stream"/>, leaving it open.</summary>
    public static void Write(Stream stream, OptimizerHelper optimizer)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        optimizer.save_state_dict(writer);
        writer.Flush();
    }

    /// <summary>Loads state saved by <see cref="Write"/> into <paramref name="optimizer"/>.</summary>
    /// <param name="bytes">The file's verified content.</param>
    /// <param name="optimizer">An optimizer of the same type over parameters of the same shapes, in the same order.</param>
    /// <param name="path">The file, for error messages.</param>
    /// <exception cref="TdhfInputException">The saved state belongs to another optimizer or other parameters.</exception>
    public static void Read(byte[] bytes, optim.Optimizer optimizer, string path)
    {
        var target = Saveable(optimizer);
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        try
        {
            target.load_state_dict(reader);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or EndOfStreamException or InvalidOperationException)
        {
            throw new TdhfInputException($"the saved optimizer state does not fit this optimizer ({e.Message})", path, inner: e);
        }
    }
}
