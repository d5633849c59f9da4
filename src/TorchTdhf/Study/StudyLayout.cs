namespace TorchTdhf.Study;

/// <summary>
/// Where a reproduction keeps its work under the report folder: <c>data/SYSTEM/</c> (datasets),
/// <c>runs/SYSTEM/RECIPE/</c> (training runs and their evaluation), <c>runs/SYSTEM/truth/</c> (the true kick run),
/// <c>plots/</c> (PNG), <c>arrays/</c> (the plotted numbers, .npy/.npz), and at the top <c>results.json</c>,
/// <c>tables.md</c> and <c>tables.tex</c>.
/// </summary>
/// <param name="Root">The report folder.</param>
public sealed record StudyLayout(string Root)
{
    /// <summary>Name of the results file.</summary>
    public const string ResultsFileName = "results.json";

    /// <summary>Dataset folder of a system.</summary>
    public string Data(string system) => Path.Combine(Root, "data", system);

    /// <summary>Run folder of a recipe on a system.</summary>
    public string Run(string system, ModelRecipe recipe) => Path.Combine(Root, "runs", system, recipe.FolderName);

    /// <summary>Folder of the true potential's kick run.</summary>
    public string Truth(string system) => Path.Combine(Root, "runs", system, "truth");

    /// <summary>Folder of the PNG plots.</summary>
    public string Plots => Path.Combine(Root, "plots");

    /// <summary>Folder of the plotted arrays.</summary>
    public string Arrays => Path.Combine(Root, "arrays");

    /// <summary>The results file.</summary>
    public string Results => Path.Combine(Root, ResultsFileName);
}
