using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Dashboard.Analytics;

/// <summary>
/// A figure laid out as a table of plain values: one column per field, a nested figure spread over columns of its
/// own and a list of numbers over numbered columns, so that no cell ever holds a record's text and a spreadsheet can
/// sum any column. Column names are the JSON API's property names.
/// </summary>
public sealed record FigureTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public static FigureTable Of(object figures) => figures switch
    {
        IRowPage page => Table(page.Rows.Cast<object>().ToList(), ElementType(page.Rows.GetType())),
        TimeSeries series => Series(series),
        FunnelTimings timings => Append(Table([.. timings.Stages], typeof(StageTiming)),
            ["toPlacement", timings.MedianDaysToPlacement, timings.PlacedPairs]),
        FunnelFigures funnel => Table([.. funnel.Stages, new FunnelStageFigure("Rejected", 0, funnel.Rejected)], typeof(FunnelStageFigure)),
        FilterOptions options => Table([.. options.Rows()], typeof(FilterOptionRow)),
        IEnumerable rows and not string => Table(rows.Cast<object>().ToList(), ElementType(rows.GetType())),
        _ => Single(figures),
    };

    /// <summary>Values written as they are; anything else is spread over columns.</summary>
    public static bool IsPlain(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain.IsPrimitive || plain.IsEnum || plain == typeof(string) || plain == typeof(decimal) || plain == typeof(DateTime)
            || plain == typeof(DateTimeOffset) || plain == typeof(DateOnly) || plain == typeof(TimeOnly) || plain == typeof(TimeSpan)
            || plain == typeof(Guid);
    }

    private static FigureTable Table(IReadOnlyList<object> items, Type type)
    {
        var columns = ColumnsOf(type, "", items.Cast<object?>().ToList());
        return new FigureTable(columns.Select(c => c.Name).ToList(), items.Select(item => Values(columns, item)).ToList());
    }

    private static FigureTable Series(TimeSeries series) => new(
        [.. series.Series.Select(s => s.Name).Prepend("week")],
        series.Periods.Select((week, i) => (IReadOnlyList<object?>)[week, .. series.Series.Select(s => (object?)s.Values[i])]).ToList());

    /// <summary>
    /// One figure made of several: a row per part. Parts of one kind (the overview's tiles) share its columns;
    /// otherwise each value gets a row of its own, named by figure and key (a dictionary's key, a part's field).
    /// </summary>
    private static FigureTable Single(object figure)
    {
        var properties = PropertiesOf(figure.GetType());
        var kinds = properties.Select(p => p.PropertyType).Distinct().ToList();
        if (kinds.Count == 1 && !IsPlain(kinds[0]) && !typeof(IEnumerable).IsAssignableFrom(kinds[0]))
        {
            var parts = properties.Select(p => p.GetValue(figure)).ToList();
            var columns = ColumnsOf(kinds[0], "", parts);
            return new FigureTable([.. columns.Select(c => c.Name).Prepend("figure")],
                properties.Select((p, i) => (IReadOnlyList<object?>)[JsonName(p.Name), .. Values(columns, parts[i])]).ToList());
        }

        var rows = new List<IReadOnlyList<object?>>();
        foreach (var property in properties)
        {
            var name = JsonName(property.Name);
            var value = property.GetValue(figure);
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary) rows.Add([name, entry.Key, entry.Value]);
            }
            else if (value is null || IsPlain(value.GetType()))
            {
                rows.Add([name, null, value]);
            }
            else
            {
                foreach (var column in ColumnsOf(property.PropertyType, "", [value])) rows.Add([name, column.Name, column.Read(value)]);
            }
        }
        return new FigureTable(["figure", "key", "value"], rows);
    }

    private sealed record Column(string Name, Func<object?, object?> Read);

    private static List<Column> ColumnsOf(Type type, string prefix, IReadOnlyList<object?> samples)
    {
        if (IsPlain(type)) return [new Column(prefix.Length == 0 ? "value" : prefix, item => item)];
        var columns = new List<Column>();
        foreach (var property in PropertiesOf(type))
        {
            var name = prefix.Length == 0 ? JsonName(property.Name) : prefix + property.Name;
            var get = Getter(property);
            object? Read(object? item) => item is null ? null : get(item);
            if (IsPlain(property.PropertyType))
            {
                columns.Add(new Column(name, Read));
                continue;
            }
            if (property.PropertyType != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(property.PropertyType))
            {
                // A list of words, such as an application's feedback: one cell, as a spreadsheet user reads a list.
                columns.Add(new Column(name, item => Read(item) is IEnumerable<string> words ? string.Join("; ", words) : null));
            }
            else if (typeof(IEnumerable).IsAssignableFrom(property.PropertyType) && IsPlain(ElementType(property.PropertyType)))
            {
                // A list of numbers, such as a vacancy's count per funnel stage: one column per position, from 1.
                var width = samples.Select(Read).OfType<IEnumerable>().Select(list => list is ICollection sized ? sized.Count : list.Cast<object?>().Count()).DefaultIfEmpty(0).Max();
                for (var i = 0; i < width; i++)
                {
                    var index = i;
                    columns.Add(new Column($"{name}{index + 1}", item => Read(item) switch
                    {
                        // An array or list is read at the position; walking it from the start for every cell made the
                        // CSV of 20,000 vacancy funnels quadratic in its stages.
                        IList list => index < list.Count ? list[index] : null,
                        IEnumerable sequence => sequence.Cast<object?>().ElementAtOrDefault(index),
                        _ => null,
                    }));
                }
            }
            else
            {
                columns.AddRange(ColumnsOf(property.PropertyType, name, samples.Select(Read).ToList())
                    .Select(inner => new Column(inner.Name, item => inner.Read(Read(item)))));
            }
        }
        return columns;
    }

    private static IReadOnlyList<object?> Values(IReadOnlyList<Column> columns, object? item)
    {
        var values = new object?[columns.Count];
        for (var i = 0; i < values.Length; i++) values[i] = columns[i].Read(item);
        return values;
    }

    private static readonly ConcurrentDictionary<PropertyInfo, Func<object, object?>> Getters = new();

    /// <summary>
    /// A property read by a compiled delegate, made once per property: a CSV of 20,000 vacancy funnels reads hundreds
    /// of thousands of cells, which reflection's <c>GetValue</c> made a good part of its time.
    /// </summary>
    private static Func<object, object?> Getter(PropertyInfo property) => Getters.GetOrAdd(property, static p =>
    {
        var item = Expression.Parameter(typeof(object), "item");
        var read = Expression.Property(Expression.Convert(item, p.DeclaringType!), p);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), item).Compile();
    });

    private static FigureTable Append(FigureTable table, IReadOnlyList<object?> row) => table with { Rows = [.. table.Rows, row] };

    private static PropertyInfo[] PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();

    private static Type ElementType(Type listType) =>
        listType.IsGenericType && listType.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? listType.GetGenericArguments()[0]
            : listType.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                ?.GetGenericArguments()[0] ?? typeof(object);

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
