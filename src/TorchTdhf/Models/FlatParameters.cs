using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// θ as one vector: the concatenation of a module's parameters flattened row-major, in a fixed order
/// (the convention of <see cref="ILearnablePotential"/>).
/// </summary>
internal static class FlatParameters
{
    /// <summary>A detached copy of the parameters as one vector.</summary>
    /// <param name="parameters">float64 tensors, in θ order.</param>
    /// <returns>[Σ numel] float64.</returns>
    public static Tensor Concatenate(IReadOnlyList<Parameter> parameters)
    {
        using var scope = torch.NewDisposeScope();
        return torch.cat(parameters.Select(p => p.detach().reshape(-1)).ToArray(), 0).MoveToOuterDisposeScope();
    }

    /// <summary>Copies the slices of <paramref name="theta"/> into the parameters without recording a gradient.</summary>
    public static void Assign(Tensor theta, IReadOnlyList<Parameter> parameters)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var (parameter, slice) in parameters.Zip(Split(theta, parameters.Select(p => p.shape).ToArray())))
            parameter.copy_(slice);
    }

    /// <summary>Views of the slices of θ in the given shapes (no copy).</summary>
    /// <param name="theta">[Σ numel] float64.</param>
    /// <param name="shapes">The shapes, in θ order.</param>
    public static Tensor[] Split(Tensor theta, IReadOnlyList<long[]> shapes)
    {
        var views = new Tensor[shapes.Count];
        var offset = 0L;
        for (var p = 0; p < shapes.Count; p++)
        {
            var count = shapes[p].Aggregate(1L, (a, b) => a * b);
            views[p] = theta.narrow(0, offset, count).view(shapes[p]);
            offset += count;
        }
        return views;
    }

    /// <summary>Throws unless <paramref name="theta"/> is a float64 vector of <paramref name="count"/> entries.</summary>
    public static void Require(Tensor theta, long count, string parameterName)
    {
        if (theta.dtype != ScalarType.Float64)
            throw new ArgumentException($"the parameter vector must be float64, not {theta.dtype}", parameterName);
        if (theta.dim() != 1 || theta.shape[0] != count)
            throw new ArgumentException($"the parameter vector must have shape [{count}], not [{string.Join(", ", theta.shape)}]", parameterName);
    }

    /// <summary>Seeded normal draws for a model of <paramref name="count"/> parameters.</summary>
    /// <returns>[count] float64 with entries from N(0, scale²).</returns>
    public static Tensor Normal(long count, long seed, double scale)
    {
        using var generator = new Generator(unchecked((ulong)seed));
        using var scope = torch.NewDisposeScope();
        return torch.randn(new[] { count }, ScalarType.Float64, generator: generator).mul_(scale).MoveToOuterDisposeScope();
    }
}
