using System.Runtime.InteropServices;
using TorchTdhf.Runtime;

namespace TorchTdhf.Tests.Runtime;

public class StopSignalTests
{
    [Fact]
    public void FirstSignalCancelsTheTokenAndSuppressesTermination()
    {
        using var stop = new StopSignal();
        Assert.False(stop.IsStopRequested);
        Assert.Null(stop.Signal);

        Assert.True(stop.Receive(PosixSignal.SIGTERM));

        Assert.True(stop.Token.IsCancellationRequested);
        Assert.True(stop.IsStopRequested);
        Assert.Equal(PosixSignal.SIGTERM, stop.Signal);
    }

    [Fact]
    public void SecondSignalGetsTheDefaultHandling()
    {
        using var stop = new StopSignal();
        Assert.True(stop.Receive(PosixSignal.SIGINT));
        Assert.False(stop.Receive(PosixSignal.SIGINT));
        Assert.Equal(PosixSignal.SIGINT, stop.Signal);
    }

    [Fact]
    public void InstancesAreIndependent()
    {
        using var first = new StopSignal();
        using var second = new StopSignal();
        first.Receive(PosixSignal.SIGINT);
        Assert.False(second.IsStopRequested);
    }
}
