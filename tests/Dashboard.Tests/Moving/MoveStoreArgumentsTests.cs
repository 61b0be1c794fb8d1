using Dashboard.Moving;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Tests.Moving;

[Trait(TestRuns.Name, TestRuns.Once)]
public sealed class MoveStoreArgumentsTests
{
    private const string Target = "Host=db.example.internal;Database=dashboard;Username=dashboard;Password=secret";

    [Fact]
    public void TheTargetAndItsProviderAreEnoughAndTheSourceCanBeOverridden()
    {
        var plain = MoveStoreArguments.Parse(["--to-provider", "PostgreSQL", "--to", Target], out var error);
        Assert.Null(error);
        Assert.Equal(new MoveStoreArguments("PostgreSQL", Target, null, null, 2_000), plain);

        var full = MoveStoreArguments.Parse(
            ["--to-provider=Sqlite", "--to", "Data Source=moved.db", "--from-provider", "postgres", "--from", Target, "--chunk-size", "500"], out error);
        Assert.Null(error);
        Assert.Equal(new MoveStoreArguments("Sqlite", "Data Source=moved.db", "postgres", Target, 500), full);
    }

    [Theory]
    [InlineData("--to Data", "--to-provider is required: Sqlite or PostgreSQL.")]
    [InlineData("--to-provider PostgreSQL", "--to is required: the target's connection string.")]
    [InlineData("--to-provider Oracle --to x", "--to-provider is 'Oracle'; it must be Sqlite or PostgreSQL.")]
    [InlineData("--to-provider Sqlite --to x --from-provider mysql", "--from-provider is 'mysql'; it must be Sqlite or PostgreSQL.")]
    [InlineData("--to-provider Sqlite --to x --chunk-size 0", "--chunk-size is '0'; it must be a whole number from 1 to 100000.")]
    [InlineData("--to-provider Sqlite --to x --chunk-size lots", "--chunk-size is 'lots'; it must be a whole number from 1 to 100000.")]
    [InlineData("--to-provider Sqlite --to", "--to needs a value.")]
    [InlineData("--to-provider --to x", "--to-provider needs a value.")]
    [InlineData("--to-provider Sqlite --to x --force", "--force is not an option of move-store.")]
    [InlineData("--to-provider Sqlite --to x --to y", "--to is given twice.")]
    [InlineData("PostgreSQL --to x", "'PostgreSQL' is not an option; options start with --.")]
    public void EachMistakeIsNamed(string line, string expected)
    {
        Assert.Null(MoveStoreArguments.Parse(line.Split(' '), out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public async Task TheCommandPrintsTheReasonAndTheUsageButNeverTheConnectionString()
    {
        var output = new StringWriter();
        var configuration = new ConfigurationBuilder().Build();

        var exit = await MoveStoreCommand.RunAsync(["--to", Target], configuration, Path.GetTempPath(), output, CancellationToken.None);

        Assert.Equal(MoveStoreCommand.BadArguments, exit);
        Assert.StartsWith("move-store: --to-provider is required", output.ToString());
        Assert.Contains("usage: move-store", output.ToString());
        Assert.DoesNotContain("secret", output.ToString());
    }

    [Fact]
    public async Task AMissingSourceIsRefusedWithItsReason()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = "Data Source=data/missing.db",
        }).Build();
        var output = new StringWriter();

        var exit = await MoveStoreCommand.RunAsync(
            ["--to-provider", "Sqlite", "--to", "Data Source=data/target.db"], configuration, folder, output, CancellationToken.None);

        Assert.Equal(MoveStoreCommand.Refused, exit);
        Assert.Contains("There is no store to move", output.ToString());
        Directory.Delete(folder, recursive: true);
    }
}
