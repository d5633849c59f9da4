using static TorchSharp.torch;

namespace TorchTdhf.Training.Runs;

/// <summary>The compute device a training run asks for; this build trains on the CPU.</summary>
public static class TrainingDevice
{
    /// <summary>Accepts <c>cpu</c>; refuses <c>cuda</c> (with the reason) and anything else.</summary>
    /// <param name="name">The device name as typed.</param>
    /// <exception cref="TdhfInputException">Not <c>cpu</c>.</exception>
    public static void Require(string name)
    {
        var device = name?.Trim().ToLowerInvariant();
        if (device == "cpu") return;
        if (device is not null && device.StartsWith("cuda", StringComparison.Ordinal))
        {
            var reason = cuda.is_available()
                ? "training on CUDA is not implemented; use --device cpu"
                : "CUDA is not available: this build links TorchSharp-cpu, libtorch-cuda is not installed; use --device cpu";
            throw new TdhfInputException($"--device {name}: {reason}", key: "device");
        }
        throw new TdhfInputException($"unknown device '{name}' (known: cpu, cuda)", key: "device");
    }
}
