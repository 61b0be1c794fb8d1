using Npgsql;

namespace Dashboard.Instances;

/// <summary>
/// A PostgreSQL session advisory lock, held on a connection of its own until disposed. If the process holding it
/// dies, PostgreSQL ends the session and the lock goes with it, so another instance can take it at once.
/// </summary>
public static class PostgreSqlAdvisoryLock
{
    // Any constants shared by every instance of this app, all kept here so none is used twice; the bytes spell
    // "rdashprj", "rdashsup" and "rdashlog".
    public const long ProjectionKey = 0x7264617368707266;
    public const long StartUpKey = 0x7264617368737570;

    /// <summary>Taken per transaction (<c>pg_advisory_xact_lock</c>) by each commit of the delivery log.</summary>
    public const long DeliveryLogKey = 0x72646173686C6F67;

    public static async Task<IAsyncDisposable> TakeAsync(string connectionString, long key, CancellationToken cancellationToken)
    {
        // Not pooled: a connection that went back to the pool still holding the lock would block every instance.
        // A killed process closes its socket and the server ends the session at once; a machine that vanishes from
        // the network says nothing, so the server probes this session's peer itself and gives up on it within ~25 s.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 };
        builder.Options = $"{builder.Options} -c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3".Trim();
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            take.Parameters.AddWithValue("key", key);
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new Lease(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Lease(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Closing an unpooled connection ends the session, which releases the lock even if the unlock cannot run.
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                release.Parameters.AddWithValue("key", key);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
