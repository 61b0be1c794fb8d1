namespace Dashboard.Tests.Support;

/// <summary>
/// tests/run.sh runs this suite twice: on SQLite, then on PostgreSQL. A test class marked
/// <c>[Trait(TestRuns.Name, TestRuns.Once)]</c> runs in the first pass only: the drills that kill processes or fill a
/// disk under a SQLite file, tests of the HTTP edge that do not depend on the store, and tests that choose their
/// databases themselves.
/// </summary>
public static class TestRuns
{
    public const string Name = "Runs";
    public const string Once = "Once";
}
