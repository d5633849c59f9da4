namespace TorchTdhf.Reporting;

/// <summary>Pixel size of a rendered figure.</summary>
/// <param name="Width">Width in pixels (positive).</param>
/// <param name="Height">Height in pixels (positive).</param>
public readonly record struct FigureSize(int Width, int Height)
{
    /// <summary>The size of a single-panel figure: 1000 × 600 pixels.</summary>
    public static FigureSize Default { get; } = new(1000, 600);

    /// <summary>A figure of <paramref name="rows"/> stacked panel rows: 1000 wide, 320 per row, at least 600 high.</summary>
    public static FigureSize ForRows(int rows) => new(1000, Math.Max(600, 320 * rows));

    /// <summary>Throws when either side is not positive.</summary>
    public void Validate()
    {
        if (Width <= 0 || Height <= 0)
            throw new ArgumentOutOfRangeException(nameof(FigureSize), $"a figure needs a positive size, got {Width}×{Height}");
    }
}
