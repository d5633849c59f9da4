namespace TorchTdhf.Cli.Output;

/// <summary>Reports progress synchronously on the reporting thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
