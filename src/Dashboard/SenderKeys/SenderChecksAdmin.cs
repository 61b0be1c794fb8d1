using System.Security.Claims;
using Dashboard.Access.Rights;
using Dashboard.Admin.Audit;

namespace Dashboard.SenderKeys;

/// <summary>A sender's optional checks as admins change them: checked against who is asking, saved, audited without secrets.</summary>
public sealed class SenderChecksAdmin(SenderSecurity security, ActingPerson acting, AuditLog audit)
{
    /// <summary>Returns null when saved, else what is wrong with the change.</summary>
    public async Task<string?> SaveAsync(string provider, SenderSecurityChange change, ClaimsPrincipal actor, CancellationToken ct)
    {
        await acting.EnsureAdminAsync(actor, ct);
        if (await security.SaveAsync(provider, change, ct) is { } problem) return problem;
        await audit.RecordAsync(actor, "sender.security", provider,
            $"basic {(string.IsNullOrWhiteSpace(change.BasicUsername) ? "off" : "on")}, ips {change.AllowedIps ?? "any"}, hmac enforced {change.EnforceHmac}", ct);
        return null;
    }
}
