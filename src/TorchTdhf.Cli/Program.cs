using Spectre.Console.Cli;
using TorchTdhf.Cli;
using TorchTdhf.Runtime;

// tdhf's commands repeat large allocations of the same sizes; see NativeHeap.
NativeHeap.ReuseLargeBlocks();
var app = new CommandApp();
app.Configure(CliApp.Configure);
return app.Run(args);
