using System.Text.Json.Nodes;
using TorchTdhf.Models;
using TorchTdhf.Training.Checkpoints;

namespace TorchTdhf.Tests.Study;

/// <summary>Checkpoints written directly, as a training run would, around a given model.</summary>
internal static class CheckpointFixtures
{
    /// <summary>Saves <paramref name="model"/> as the newest checkpoint of <paramref name="runFolder"/>, trained on <paramref name="dataFolder"/>.</summary>
    public static void Save(string runFolder, ILearnablePotential model, string dataFolder)
    {
        new CheckpointStore(runFolder).Save(new CheckpointContent
        {
            Progress = new TrainingProgress
            {
                ModelKind = model.Kind,
                ModelName = $"fixture {model.Kind.Name()}",
                BasisSize = model.BasisSize,
                ParameterCount = model.ParameterCount,
                Solver = "exact",
                Iteration = 1,
                RngState = "none",
                LossHistory = new[] { 0.0 },
                Configuration = new JsonObject { ["data_folders"] = new JsonArray(Path.GetFullPath(dataFolder)) },
                DataFingerprint = "fixture",
            },
            Model = model.Module,
        });
    }
}
