using System.Runtime.CompilerServices;

// The Boys function and the recurrence compilers are internal; their accuracy is tested directly.
[assembly: InternalsVisibleTo("TorchTdhf.Tests")]
