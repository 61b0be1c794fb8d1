using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Dashboard.BrowserTests;

/// <summary>Runs axe-core's WCAG 2.0 and 2.1 rules, levels A and AA, on what a page shows now.</summary>
public static class AxeScan
{
    private static readonly AxeRunOptions WcagAToAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    // Only what is running and will end; and never more than two seconds, whatever a page animates.
    private const string SettledScript = """
        async () => {
          const ending = () => document.getAnimations().filter(a =>
            a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
          const deadline = new Promise(resolve => setTimeout(resolve, 2000));
          const settled = (async () => {
            for (let round = 0; round < 3; round++) {
              const running = ending();
              if (running.length === 0) return;
              await Promise.all(running.map(a => a.finished.catch(() => undefined)));
            }
          })();
          await Promise.race([settled, deadline]);
        }
        """;

    /// <summary>One line per failing element: where, the rule, its impact, the element and what axe says is wrong.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string where)
    {
        // A popover fading in or an item's colour still in transition is measured half-way by the contrast rule:
        // scan what stays on screen, once every finite animation and transition has ended.
        await page.EvaluateAsync(SettledScript);
        var result = await page.RunAxe(WcagAToAA);
        return result.Violations
            .SelectMany(rule => rule.Nodes.Select(node =>
                $"{where}: {rule.Id} ({rule.Impact}) at {node.Target}: {Why(node)} | {Shorten(node.Html)}"))
            .ToList();
    }

    private static string Why(AxeResultNode node) =>
        string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message)).ReplaceLineEndings(" ");

    private static string Shorten(string? html) => html is null ? "" : html.Length <= 200 ? html : html[..200] + "…";
}
