using TorchTdhf.Runtime;

namespace TorchTdhf.Tests.Runtime;

// The fallback to the library's own folder only differs from these cases in hosts with another base directory; the
// notebooks (notebooks/run.sh under dotnet repl) exercise it.
public class ShippedDataFolderTests
{
    [Fact]
    public void Shipped_folders_are_found_next_to_the_program()
    {
        var molecules = ShippedDataFolder.Locate(Path.Combine("data", "molecules"));
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "data", "molecules"), molecules);
        Assert.True(File.Exists(Path.Combine(molecules, "lih.xyz")));
    }

    [Fact]
    public void A_missing_path_is_reported_where_the_program_expects_it()
    {
        var missing = Path.Combine("data", "no-such-folder");
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, missing), ShippedDataFolder.Locate(missing));
    }
}
