namespace Dashboard.Hosting;

/// <summary>
/// The app's own folder, the one holding Dashboard.dll, is its content root wherever it is started from: settings
/// files, the static files under wwwroot and the default <c>data/</c> folder are found beside the app, not in the
/// working directory (started elsewhere, the app answered every stylesheet and script with an empty body). A content
/// root named on purpose (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>, as the test host names the project's)
/// is still honoured.
/// </summary>
public static class AppFolder
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = IsNamed(args) ? null : AppContext.BaseDirectory,
    };

    private static bool IsNamed(string[] args) =>
        args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
