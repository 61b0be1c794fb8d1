using System.Text;

namespace Dashboard.Messages.Alerts;

/// <summary>
/// Text for a chat webhook, where Slack reads <c>&lt;…&gt;</c> as links and mentions (<c>&lt;!channel&gt;</c>) and Teams
/// reads Markdown and some HTML. Whatever a sender or a person typed is escaped so it shows as typed and does
/// nothing: the three characters Slack asks to escape as entities, Markdown's characters behind a backslash.
/// </summary>
public static class ChatText
{
    private const string Markdown = "\\`*_~[]()#|!";

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '\r' or '\n' or '\t': escaped.Append(' '); break;
                case var _ when char.IsControl(c): break;
                case var _ when Markdown.Contains(c): escaped.Append('\\').Append(c); break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }
}
