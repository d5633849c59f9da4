namespace TorchTdhf.Training;

/// <summary>Why <see cref="Lsmr"/> stopped (in the order the tests are made: the first that holds is reported).</summary>
public enum LsmrStop
{
    /// <summary>Still iterating.</summary>
    None,

    /// <summary>The starting point already solves the problem: b − A x₀ = 0 or Aᵀ(b − A x₀) = 0.</summary>
    StartingPointSolves,

    /// <summary>‖r‖ ≤ btol ‖b‖ + atol ‖A‖ ‖x‖: x solves A x = b to the tolerances.</summary>
    SystemSolved,

    /// <summary>‖Aᵀ r‖ ≤ atol ‖A‖ ‖r‖: x is a least-squares solution to the tolerance.</summary>
    LeastSquaresSolved,

    /// <summary>The estimate of cond(A) reached the condition limit.</summary>
    ConditionLimit,

    /// <summary>As <see cref="SystemSolved"/>, at machine precision (the tolerances were too small).</summary>
    SystemSolvedToMachinePrecision,

    /// <summary>As <see cref="LeastSquaresSolved"/>, at machine precision.</summary>
    LeastSquaresSolvedToMachinePrecision,

    /// <summary>cond(A) is beyond the reciprocal of the machine precision.</summary>
    ConditionAtMachinePrecision,

    /// <summary>The iteration limit was reached.</summary>
    IterationLimit,
}
