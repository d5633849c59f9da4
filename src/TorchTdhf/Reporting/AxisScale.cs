namespace TorchTdhf.Reporting;

/// <summary>How data map onto a plot axis.</summary>
public enum AxisScale
{
    /// <summary>Values as they are.</summary>
    Linear,

    /// <summary>Base-10 logarithm of the values; ticks are labelled as powers of ten.</summary>
    Log10,
}
