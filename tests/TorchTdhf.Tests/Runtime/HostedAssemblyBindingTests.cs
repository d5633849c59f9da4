using System.Reflection;
using TorchSharp;
using TorchSharp.PyBridge;
using TorchTdhf.Runtime;

namespace TorchTdhf.Tests.Runtime;

public class HostedAssemblyBindingTests
{
    private const string Token = ", Culture=neutral, PublicKeyToken=67b0e5e1da516a1c";

    private static readonly AssemblyName[] References = { new("TorchSharp, Version=0.107.0.0" + Token), new("System.Runtime, Version=10.0.0.0") };

    [Fact]
    public void PyBridgesReferenceIsAnsweredWithTheLibrarysTorchSharp()
    {
        var pyBridgeWants = typeof(PyBridgeModuleExtensions).Assembly.GetReferencedAssemblies().Single(r => r.Name == "TorchSharp");
        var library = typeof(HostedAssemblyBinding).Assembly.GetReferencedAssemblies();

        var answer = HostedAssemblyBinding.NewerReference(pyBridgeWants, library);

        Assert.NotNull(answer);
        Assert.Equal(typeof(torch).Assembly.GetName().Version, answer.Version);
    }

    [Fact]
    public void AnOlderVersionIsRedirected()
    {
        var answer = HostedAssemblyBinding.NewerReference(new AssemblyName("TorchSharp, Version=0.103.0.0" + Token), References);

        Assert.Equal(new Version(0, 107, 0, 0), answer?.Version);
    }

    [Theory]
    [InlineData("TorchSharp, Version=0.107.0.0" + Token)]
    [InlineData("TorchSharp, Version=0.108.0.0" + Token)]
    [InlineData("TorchSharp" + Token)]
    [InlineData("TorchSharp, Version=0.103.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef")]
    [InlineData("ScottPlot, Version=5.0.0.0")]
    public void OtherRequestsAreLeftToTheHost(string requested)
    {
        Assert.Null(HostedAssemblyBinding.NewerReference(new AssemblyName(requested), References));
    }
}
