using TorchSharp;
using TorchTdhf.Dynamics;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics;

public class PropagationTests
{
    [Fact]
    public void KeepsEveryStrideThFrameAndMatchesManualSteps()
    {
        using var reference = ReferenceCase.HeHPlus();
        using var equation = reference.Equation(SinusoidalField.Paper());
        using var scope = torch.NewDisposeScope();
        var propagator = new RungeKutta4();
        var observed = new List<(int Step, double Time)>();
        var frames = Propagation.Run(propagator, equation, reference.InitialDensity, 0.5, 7, stride: 3, observe: (step, time, _) => observed.Add((step, time)));
        Assert.Equal(new long[] { 1, 3, 4, 4 }, frames.shape);
        Assert.Equal(Enumerable.Range(0, 8).Select(k => (k, k * 0.5)), observed);

        var manual = reference.InitialDensity;
        for (var step = 0; step < 6; step++) manual = propagator.Step(equation, manual, step * 0.5, 0.5);
        Assert.Equal(0, (frames[0, 0] - reference.InitialDensity[0]).abs().max().item<double>());
        Assert.Equal(0, (frames[0, 2] - manual[0]).abs().max().item<double>());
    }

    [Fact]
    public void BatchWithOneFieldPerTrajectoryEqualsSeparateRuns()
    {
        using var reference = ReferenceCase.Water();
        Field[] fields = { SinusoidalField.Paper(), new DeltaKick(0.01, CartesianVector.UnitX), new SinusoidalField(0.1, 1.0, CartesianVector.UnitY, cycles: 3) };
        using var batched = new TdhfEquation(reference.CoreHamiltonian, reference.Position, reference.Potential, fields);
        using var scope = torch.NewDisposeScope();
        var together = Propagation.Run(new MuntheKaas4(), batched, reference.InitialDensity.expand(3, -1, -1), 0.1, 10, stride: 10);
        for (var b = 0; b < fields.Length; b++)
        {
            using var single = reference.Equation(fields[b]);
            var alone = Propagation.Run(new MuntheKaas4(), single, reference.InitialDensity, 0.1, 10, stride: 10);
            Assert.True((together[b] - alone[0]).abs().max().item<double>() < 1e-13);
        }
    }

    [Fact]
    public void RejectsBatchesThatDoNotMatchTheFields()
    {
        using var reference = ReferenceCase.HeHPlus();
        using var equation = new TdhfEquation(reference.CoreHamiltonian, reference.Position, reference.Potential, new Field[] { new NoField(), new NoField() });
        using var three = reference.InitialDensity.expand(3, -1, -1).contiguous();
        Assert.Throws<ArgumentException>(() => equation.Fock(three, 0));
        Assert.Throws<ArgumentException>(() => equation.ApplyInitialKicks(three));
        Assert.ThrowsAny<TdhfInputException>(() => Propagation.Run(new RungeKutta4(), equation, three, -0.1, 3));
    }

    [Theory]
    [InlineData("rk4", "rk4", 4)]
    [InlineData("RK4", "rk4", 4)]
    [InlineData("magnus4", "magnus4", 4)]
    [InlineData("mk4", "magnus4", 4)]
    [InlineData("expmid", "expmid", 2)]
    public void FactoryCreatesPropagatorsByName(string name, string canonical, int order)
    {
        var propagator = Propagators.Create(name);
        Assert.Equal(canonical, propagator.Name);
        Assert.Equal(order, propagator.Order);
    }

    [Fact]
    public void FactoryRejectsUnknownNames() =>
        Assert.ThrowsAny<TdhfInputException>(() => Propagators.Create("euler"));

    [Fact]
    public void MidpointIterationReportsWhenItCannotConverge()
    {
        using var reference = ReferenceCase.HeHPlus();
        using var equation = reference.Equation(new DeltaKick(0.5, CartesianVector.UnitZ));
        using var start = equation.ApplyInitialKicks(reference.InitialDensity);
        var error = Assert.Throws<PropagationNotConvergedException>(() => new ExponentialMidpoint(1e-13, maxIterations: 2).Step(equation, start, 0, 0.5));
        Assert.Contains("smaller time step", error.Message);
    }
}
