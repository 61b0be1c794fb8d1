using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.Support;

/// <summary>Fills and posts the server-rendered forms the way a browser does, antiforgery token included.</summary>
public sealed partial class BrowserLikeClient(DashboardApplication app)
{
    public HttpClient Http { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpResponseMessage> SubmitAsync(string path, string formName, IDictionary<string, string> fields, bool withAntiforgery = true)
    {
        var page = await Http.GetStringAsync(path);
        var form = new Dictionary<string, string>(fields) { ["_handler"] = formName };
        if (withAntiforgery) form["__RequestVerificationToken"] = TokenIn(page);
        return await Http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public async Task<HttpResponseMessage> CreateFirstAdminAsync(string email, string password) =>
        await SubmitAsync("/setup", "setup", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["Input.Confirm"] = password,
        });

    private static string TokenIn(string html) =>
        AntiforgeryInput().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
