namespace TorchTdhf.Datasets;

/// <summary>
/// A propagation produced a non-finite or exploding density. The samples before it were kept and the trajectories
/// marked incomplete; <see cref="TdhfInputException.File"/> is the folder of the member that blew up.
/// </summary>
public sealed class TrajectoryBlowUpException : TdhfInputException
{
    /// <summary>Creates the error.</summary>
    public TrajectoryBlowUpException(string problem, string folder, string memberId, long step, double time)
        : base(problem, folder)
    {
        MemberId = memberId;
        Step = step;
        Time = time;
    }

    /// <summary>The member whose density blew up first.</summary>
    public string MemberId { get; }

    /// <summary>Fine step of the bad density.</summary>
    public long Step { get; }

    /// <summary>Time of the bad density (a.u.).</summary>
    public double Time { get; }
}
