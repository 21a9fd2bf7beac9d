using CsCheck;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.TestCases;

namespace KoraInfra.Platform.Tests.Properties;

/// <summary>
/// The RC gate (seed 4.2: qa + architect + devops, load/soak/fault injection approved, scorecard,
/// RTM P0 complete, no open critical finding) passes exactly when every condition holds, whichever
/// subset of them a release brings.
/// </summary>
public sealed class GateProperties
{
    [Fact]
    public void The_rc_gate_passes_exactly_when_every_approval_and_evidence_holds()
    {
        var complete = ReleaseFixtures.Rc();
        var approvals = complete.Approvals.Count;
        var evidence = complete.Evidence.Count;
        Gen.Select(Gen.Int[0, (1 << approvals) - 1], Gen.Int[0, (1 << evidence) - 1], Gen.Int[0, 2], Gen.Bool, Gen.Bool)
            .Sample(t =>
            {
                var (approvalMask, passedMask, findings, scorecard, rtm) = t;
                var candidate = complete with
                {
                    Approvals = complete.Approvals.Where((_, i) => (approvalMask & (1 << i)) != 0).ToList(),
                    Evidence = complete.Evidence.Select((e, i) => e with { Passed = (passedMask & (1 << i)) != 0 }).ToList(),
                    OpenCriticalFindings = Enumerable.Range(1, findings).Select(i => $"SEC-{i}: open").ToList(),
                    Scorecard = complete.Scorecard! with { Passed = scorecard },
                    RtmP0 = complete.RtmP0! with { Complete = rtm },
                };

                var report = RcPromotionGate.Evaluate(candidate, ReleaseFixtures.Context());

                var everything = approvalMask == (1 << approvals) - 1 && passedMask == (1 << evidence) - 1 && findings == 0 && scorecard && rtm;
                Assert.Equal(everything, report.Passed);
                Assert.Equal(report.Passed, report.Failures.Count == 0);
                Assert.Equal(report.Conditions.Select(c => c.ToString()), RcPromotionGate.Evaluate(candidate, ReleaseFixtures.Context()).Conditions.Select(c => c.ToString()));
            });
    }
}
