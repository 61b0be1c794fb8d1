using Dashboard.Storage;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Moving;

/// <summary>One key of the ASP.NET data-protection ring: its name (the file name without <c>.xml</c>) and its XML.</summary>
public sealed record RingKey(string FriendlyName, string Xml);

/// <summary>
/// Moves the data-protection key ring with the store. Sign-in cookies and the idibu HMAC secret are protected with
/// these keys: without them the moved installation would sign everyone out and could no longer read the secret.
/// A SQLite store keeps the ring as XML files in <c>keys</c> beside the database; a PostgreSQL store keeps it in the
/// <c>DataProtectionKeys</c> table (see <see cref="StorageRegistration"/>). Keys are added, never removed or rewritten,
/// so copying twice is harmless.
/// </summary>
public static class KeyRingCopy
{
    public static async Task<IReadOnlyList<RingKey>> ReadAsync(OpenedStore store, CancellationToken ct)
    {
        if (store.Engine == DatabaseEngine.PostgreSql)
        {
            await using var db = await store.Factory.CreateDbContextAsync(ct);
            return await db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id)
                .Where(k => k.FriendlyName != null && k.Xml != null)
                .Select(k => new RingKey(k.FriendlyName!, k.Xml!)).ToListAsync(ct);
        }
        if (!Directory.Exists(store.KeysFolder)) return [];
        var keys = new List<RingKey>();
        foreach (var file in Directory.GetFiles(store.KeysFolder, "*.xml").Order(StringComparer.Ordinal))
            keys.Add(new RingKey(Path.GetFileNameWithoutExtension(file), await File.ReadAllTextAsync(file, ct)));
        return keys;
    }

    /// <summary>Adds the keys the target does not hold yet; returns how many it added.</summary>
    public static async Task<int> WriteAsync(OpenedStore target, IReadOnlyList<RingKey> keys, CancellationToken ct)
    {
        if (target.Engine == DatabaseEngine.PostgreSql)
        {
            await using var db = await target.Factory.CreateDbContextAsync(ct);
            var present = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var added = keys.Where(k => !present.Contains(k.FriendlyName)).ToList();
            db.DataProtectionKeys.AddRange(added.Select(k => new DataProtectionKey { FriendlyName = k.FriendlyName, Xml = k.Xml }));
            await db.SaveChangesAsync(ct);
            return added.Count;
        }

        Directory.CreateDirectory(target.KeysFolder);
        var written = 0;
        foreach (var key in keys)
        {
            // The name becomes a file name: one that could reach outside the folder is not a key the app wrote.
            if (key.FriendlyName.Length == 0 || key.FriendlyName.IndexOfAny([.. Path.GetInvalidFileNameChars(), '.']) >= 0)
                throw new MoveRefusedException($"The key ring holds a key named '{key.FriendlyName}', which cannot be a file name.");
            var path = Path.Combine(target.KeysFolder, key.FriendlyName + ".xml");
            if (File.Exists(path)) continue;
            // Written beside and renamed, so an interrupted move never leaves half a key the app would fail to read.
            var partial = path + ".partial";
            await File.WriteAllTextAsync(partial, key.Xml, ct);
            File.Move(partial, path);
            written++;
        }
        return written;
    }
}
