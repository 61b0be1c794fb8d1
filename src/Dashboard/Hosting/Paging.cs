namespace Dashboard.Hosting;

/// <summary>
/// Pages of a list: page 1 is the first, and no page lies so far out that its offset would overflow a database's
/// integer (PostgreSQL refuses a negative OFFSET, which an overflow makes).
/// </summary>
public static class Paging
{
    public const int MaxPage = 1_000_000;

    public static ParameterProblem? Problem(int? page, int? pageSize = null, int maxPageSize = 100) =>
        ParameterProblem.OutsideRange("page", page, 1, MaxPage) ?? ParameterProblem.OutsideRange("pageSize", pageSize, 1, maxPageSize);
}
