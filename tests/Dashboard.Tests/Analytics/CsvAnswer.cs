using CsvHelper;

namespace Dashboard.Tests.Analytics;

/// <summary>A CSV download read back as a spreadsheet would: its header and its rows, each cell by column name.</summary>
public sealed record CsvAnswer(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public static CsvAnswer Parse(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ',' });
        var columns = reader.Headers.ToList();
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (reader.Read())
            rows.Add(columns.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => reader.GetString(c.i) ?? ""));
        return new CsvAnswer(columns, rows);
    }

    public IReadOnlyDictionary<string, string> Row(string column, string value) => Rows.Single(r => r[column] == value);
}
