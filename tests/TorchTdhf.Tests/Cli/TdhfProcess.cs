using System.Diagnostics;
using System.Text;

namespace TorchTdhf.Tests.Cli;

/// <summary>
/// The built <c>tdhf</c> tool running as a child process (<c>dotnet tdhf.dll ARGS</c>), with libtorch's intra-op
/// thread count fixed through <c>OMP_NUM_THREADS</c> and its standard output and error captured. Unlike
/// <see cref="CliRunner"/> it can be killed like a user's run.
/// </summary>
internal sealed class TdhfProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private TdhfProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit status; 128 + n when signal n ended the process.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>What the process printed so far, standard output and error interleaved line by line.</summary>
    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    /// <summary>Starts <c>tdhf ARGS</c> with libtorch on <paramref name="threads"/> threads.</summary>
    /// <exception cref="InvalidOperationException">The tool is not built.</exception>
    public static TdhfProcess Start(int threads, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(TdhfTool.Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["OMP_NUM_THREADS"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["MKL_NUM_THREADS"] = start.Environment["OMP_NUM_THREADS"];
        return new TdhfProcess(new Process { StartInfo = start });
    }

    /// <summary>Runs <c>tdhf ARGS</c> to its end.</summary>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="limit"/> (it is killed).</exception>
    public static TdhfProcess Run(int threads, IEnumerable<string> args, TimeSpan limit)
    {
        var process = Start(threads, args);
        process.WaitForExit(limit);
        return process;
    }

    /// <summary>Ends the process with SIGKILL (on Linux), children included, and waits until it is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Waits for the process to end and for its output to be read.</summary>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="limit"/> (it is killed).</exception>
    public void WaitForExit(TimeSpan limit)
    {
        if (!_process.WaitForExit(limit))
        {
            Kill();
            throw new TimeoutException($"tdhf ran longer than {limit.TotalSeconds} s and was killed; its output:\n{Log}");
        }
        // The parameterless overload also waits for the redirected streams to be drained.
        _process.WaitForExit();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    // `dotnet test` tells child processes which host runs them; elsewhere the one on PATH.
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
