using System.Runtime.InteropServices;

namespace TorchTdhf.Runtime;

/// <summary>
/// Turns the first SIGINT (Ctrl+C) or SIGTERM into a request to stop: <see cref="Token"/> is cancelled and the
/// process is not terminated, so a long job can finish its step, write a checkpoint and exit cleanly. A second
/// signal is left to the default handling and ends the process at once, for a user who does not want to wait.
/// Handling lasts until disposal.
/// </summary>
public sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    /// <summary>Starts handling SIGINT and SIGTERM.</summary>
    public StopSignal()
    {
        _registrations = new[]
        {
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        };
    }

    /// <summary>Cancelled when a stop was requested.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether a stop was requested.</summary>
    public bool IsStopRequested => _source.IsCancellationRequested;

    /// <summary>The first signal received, if any.</summary>
    public PosixSignal? Signal { get; private set; }

    /// <summary>Handles <paramref name="signal"/> as if the operating system had delivered it.</summary>
    /// <returns>True when the default termination should be suppressed (the first signal).</returns>
    internal bool Receive(PosixSignal signal)
    {
        if (Interlocked.Increment(ref _received) > 1) return false;
        Signal = signal;
        _source.Cancel();
        return true;
    }

    private void OnSignal(PosixSignalContext context) => context.Cancel = Receive(context.Signal);

    /// <summary>Stops handling the signals; later ones get the default handling.</summary>
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }
}
