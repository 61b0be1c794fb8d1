using Microsoft.Playwright;

namespace Dashboard.BrowserTests;

/// <summary>Writes page screenshots under artifacts/screenshots at the repository root, for people to look at.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Create();

    public static Task TakeAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });

    /// <summary>What the screen shows without scrolling (a phone's first screen), and the whole page beside it, in a folder of its own.</summary>
    public static async Task TakeFirstScreenAsync(IPage page, string folder, string name)
    {
        Directory.CreateDirectory(Path.Combine(Folder, folder));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, folder, name + ".png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, folder, name + "-whole.png"), FullPage = true });
    }

    private static string Create()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dashboard.sln"))) directory = directory.Parent;
        var folder = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
