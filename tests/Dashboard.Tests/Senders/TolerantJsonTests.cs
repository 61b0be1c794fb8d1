using System.Text.Json;
using Dashboard.Senders;

namespace Dashboard.Tests.Senders;

public class TolerantJsonTests
{
    [Theory]
    [InlineData("""{"id":"12345"}""", "12345")]
    [InlineData("""{"id":12345}""", "12345")]
    [InlineData("""{"id":" 12345 "}""", "12345")]
    [InlineData("""{"ID":"12345"}""", "12345")]
    [InlineData("""{"id":""}""", null)]
    [InlineData("""{"id":null}""", null)]
    [InlineData("""{"id":{"value":"1"}}""", null)]
    [InlineData("""{}""", null)]
    public void IdsAreTextWhetherSentAsStringsOrNumbers(string json, string? expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, document.RootElement.Text("id"));
    }

    [Theory]
    [InlineData("""{"flag":true}""", true)]
    [InlineData("""{"flag":"true"}""", true)]
    [InlineData("""{"flag":"TRUE"}""", true)]
    [InlineData("""{"flag":1}""", true)]
    [InlineData("""{"flag":"yes"}""", true)]
    [InlineData("""{"flag":false}""", false)]
    [InlineData("""{"flag":"false"}""", false)]
    [InlineData("""{"flag":0}""", false)]
    [InlineData("""{"flag":"maybe"}""", null)]
    [InlineData("""{}""", null)]
    public void FlagsAreReadFromBooleansStringsAndNumbers(string json, bool? expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, document.RootElement.Flag("flag"));
    }

    [Fact]
    public void NullObjectIsTreatedAsMissing()
    {
        using var document = JsonDocument.Parse("""{"created_by":null,"status":"active"}""");

        Assert.Null(document.RootElement.Object("created_by"));
        Assert.Null(document.RootElement.Object("status"));
    }

    [Fact]
    public void MissingOrNonArrayIsAnEmptyList()
    {
        using var document = JsonDocument.Parse("""{"vacancies":{},"attachments":[1,2]}""");

        Assert.Empty(document.RootElement.Array("vacancies"));
        Assert.Empty(document.RootElement.Array("videos"));
        Assert.Equal(2, document.RootElement.Array("attachments").Count());
    }

    [Fact]
    public void DatePropertyIsReadThroughProviderDates()
    {
        using var document = JsonDocument.Parse("""{"creation_date":"2017-06-28 15:57:55","bad":"soon"}""");

        Assert.Equal(new DateTimeOffset(2017, 6, 28, 15, 57, 55, TimeSpan.Zero), document.RootElement.Date("creation_date"));
        Assert.Null(document.RootElement.Date("bad"));
    }
    /// <summary>A name is found ignoring case, the first of several in the order sent, however it is written.</summary>
    [Theory]
    [InlineData("""{"Source":"a","source":"b"}""", "a")]
    [InlineData("""{"sourcE":"a","SOURCE":"b"}""", "a")]
    [InlineData("""{"sources":"x","sourc":"y","source":"a"}""", "a")]
    [InlineData("""{"\u0073ource":"a","source":"b"}""", "a")]
    [InlineData("""{"\u0053OURCE":"a"}""", "a")]
    [InlineData("""{"\u017Fource":"a","source":"b"}""", "b")]
    [InlineData("""{"ſource":"a","source":"b"}""", "b")]
    [InlineData("""{"sourçe":"a","source":"b"}""", "b")]
    [InlineData("""{"source ":"a"}""", null)]
    [InlineData("""{"nested":{"source":"a"}}""", null)]
    public void NamesMatchIgnoringCaseFirstInTheOrderSent(string json, string? expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, document.RootElement.Text("source"));
        // The same answer as comparing every name as a string, which is what the reader did before it compared bytes.
        var first = document.RootElement.EnumerateObject()
            .FirstOrDefault(p => string.Equals(p.Name, "source", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(expected, first.Value.ValueKind == JsonValueKind.String ? first.Value.GetString() : null);
    }
}
