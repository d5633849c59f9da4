using TorchTdhf.Runtime;

namespace TorchTdhf.Tests.Runtime;

public class NativeHeapTests
{
    [Fact]
    public void GlibcAcceptsTheLargeBlockSettingsOnLinux()
    {
        // On Linux (glibc) both mallopt calls must succeed; elsewhere the call is a no-op that reports false.
        Assert.Equal(OperatingSystem.IsLinux(), NativeHeap.ReuseLargeBlocks());
    }
}
