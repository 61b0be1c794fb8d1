using Dashboard.Tests.Messages;
using Dashboard.Tests.Messages.AgencyZone;
using Dashboard.Tests.Messages.Alerts;
using Dashboard.Tests.Messages.Digests;
using Dashboard.Tests.Messages.Outbox;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Instances;

/// <summary>Two instances on one PostgreSQL store send a due digest and a firing alert once (needs <c>DASHBOARD_TEST_POSTGRES</c>).</summary>
[Trait(TestRuns.Name, TestRuns.Once)]
public sealed class MessagesOnSharedPostgreSqlTests
{
    [Fact]
    public Task ADueDigestAndAFiringAlertAreSentOnceByTwoInstancesOnPostgreSql() => TwoInstancesMessagesTests.RunAsync(new TestDatabase("PostgreSQL"));
}
