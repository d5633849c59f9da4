using Spectre.Console.Cli;
using TorchTdhf.Cli;

var app = new CommandApp();
app.Configure(CliApp.Configure);
return app.Run(args);
