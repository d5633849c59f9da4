namespace TorchTdhf.Dynamics;

/// <summary>An implicit propagator's iteration missed its tolerance; the message names the time and what to change.</summary>
public sealed class PropagationNotConvergedException : TdhfInputException
{
    /// <summary>Creates the error.</summary>
    /// <param name="problem">What failed, where, and which setting to change.</param>
    public PropagationNotConvergedException(string problem) : base(problem, key: "dt")
    {
    }
}
