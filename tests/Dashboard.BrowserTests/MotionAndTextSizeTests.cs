using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>The person's own settings hold: reduced motion stills the charts, and text at twice the size loses nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MotionAndTextSizeTests(BrowserFixture browser, SampleDashboard sample) : IClassFixture<SampleDashboard>
{
    // Notes how tall the first bar is the moment the chart draws it, before any animation could grow it.
    private const string FirstBarWatcher = """
        new MutationObserver((_, observer) => {
          const bar = document.querySelector('.apexcharts-bar-area');
          if (!bar) return;
          window.__firstBarHeight = bar.getBBox().height;
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true, attributes: true });
        """;

    [Theory]
    [InlineData(ReducedMotion.Reduce, true)]
    [InlineData(ReducedMotion.NoPreference, false)]
    public async Task ReducedMotionDrawsEachBarAtItsFullSizeFromTheFirstFrame(ReducedMotion motion, bool stillFromTheStart)
    {
        var page = await sample.Live.SignInAsync(browser.Browser, context: c => c.ReducedMotion = motion);
        await page.Context.AddInitScriptAsync(FirstBarWatcher);

        await page.GotoAsync("/sources");
        // Every bar ends at its full size; the question is only whether it started there.
        await page.WaitForFunctionAsync("() => document.querySelector('.apexcharts-bar-area')?.getBBox().height > 1");

        var first = await page.EvaluateAsync<double>("() => window.__firstBarHeight");
        Assert.Equal(stillFromTheStart, first > 1);
    }

    // An outlined field's legend only cuts the notch for its label, which is drawn beside it in full.
    [Fact]
    public async Task AtTwiceTheSizeEveryPageStillFitsAndCutsNoText()
    {
        // 200 % zoom of a 1280 × 900 window: the same screen, half as many CSS pixels, everything twice as large.
        var page = await sample.Live.SignInAsync(browser.Browser, context: c =>
        {
            c.ViewportSize = new ViewportSize { Width = 640, Height = 450 };
            c.DeviceScaleFactor = 2;
        });
        var problems = new List<string>();

        foreach (var (path, name) in AppPages.All)
        {
            await AppPages.OpenAsync(page, path);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 640) problems.Add($"{name}: {width} px wide");
            problems.AddRange((await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('body *')]
                  .filter(e => e.childElementCount === 0 && e.textContent.trim() && !e.closest('.sr-only, svg, .table-scroll, .mud-table-container, legend'))
                  .filter(e => { const s = getComputedStyle(e); return (s.overflowX === 'hidden' || s.overflowX === 'clip') && e.scrollWidth > e.clientWidth + 1; })
                  .map(e => `${e.localName}.${e.className} "${e.textContent.trim().slice(0, 40)}"`)
                """)).Select(cut => $"{name}: text cut off in {cut}"));
            await Screenshots.TakeFirstScreenAsync(page, "zoom-200", name);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
