using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.Support;

/// <summary>Fills and posts the server-rendered forms the way a browser does, antiforgery token included.</summary>
public sealed partial class BrowserLikeClient
{
    /// <param name="sendsOrigin">Whether requests carry <c>Origin</c>, as a browser's do on every POST, PUT and DELETE.</param>
    public BrowserLikeClient(DashboardApplication app, bool sendsOrigin = true)
    {
        Http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (sendsOrigin) Http.DefaultRequestHeaders.Add("Origin", Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
    }

    public HttpClient Http { get; }

    public async Task<HttpResponseMessage> SubmitAsync(string path, string formName, IDictionary<string, string> fields, bool withAntiforgery = true)
    {
        var page = await Http.GetStringAsync(path);
        var form = new Dictionary<string, string>(fields) { ["_handler"] = formName };
        if (withAntiforgery) form["__RequestVerificationToken"] = TokenIn(page);
        return await Http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>Presses a button whose form on <paramref name="page"/> posts to <paramref name="action"/> (sign out, for one).</summary>
    public async Task<HttpResponseMessage> PressAsync(string page, string action)
    {
        var html = await Http.GetStringAsync(page);
        return await Http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenIn(html) }));
    }

    public Task<HttpResponseMessage> SignOutAsync() => PressAsync("/account/tokens", "/account/logout");

    public Task<HttpResponseMessage> SignOutEverywhereAsync() => PressAsync("/account/password", "/account/logout-everywhere");

    /// <summary>Creates a personal token through the API, as the tokens page would, and returns its text.</summary>
    public async Task<string> CreateTokenAsync(string name)
    {
        var answer = await Http.PostAsync("/api/me/tokens", System.Net.Http.Json.JsonContent.Create(new { name }));
        answer.EnsureSuccessStatusCode();
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<Dashboard.Access.Tokens.IssuedToken>(answer.Content))!.Token;
    }

    /// <summary>An antiforgery token as a page of the app hands it out, with its cookie now in this client.</summary>
    public async Task<string> AntiforgeryTokenAsync(string page = "/account/tokens") => TokenIn(await Http.GetStringAsync(page));

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Changes the password on the page that a one-time password leads to.</summary>
    public async Task<HttpResponseMessage> ChangePasswordAsync(string current, string next) =>
        await SubmitAsync("/account/password", "password", new Dictionary<string, string>
        {
            ["Input.Current"] = current, ["Input.New"] = next, ["Input.Confirm"] = next,
        });

    /// <summary>Signs in with a one-time password and replaces it with <paramref name="chosen"/>, as the app insists.</summary>
    public async Task SignInAndChooseAsync(string email, string oneTimePassword, string chosen)
    {
        await SignInAsync(email, oneTimePassword);
        var changed = await ChangePasswordAsync(oneTimePassword, chosen);
        if (changed.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Changing the one-time password answered {changed.StatusCode}.");
    }

    /// <summary>The sign-in cookie a response set (<c>name=value</c>), to replay it from another client.</summary>
    public static string SignInCookieOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.FirstOrDefault(c => c.StartsWith("dashboard.auth=", StringComparison.Ordinal)) is { } cookie
            ? cookie.Split(';')[0]
            : throw new InvalidOperationException("The response set no sign-in cookie.");

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
