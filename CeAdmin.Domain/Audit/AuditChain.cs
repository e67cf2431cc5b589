using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CeAdmin.Domain.Common;

namespace CeAdmin.Domain.Audit;

/// <summary>
/// The hash chain of the audit trail (docs/decisions/0016-audit-trail-and-system-roles.md). Appending locks the single
/// head row first (an UPDATE of it, on the caller's connection and transaction), takes the next ids
/// from it, links each row to the one before by hash, inserts the rows and moves the head, all in the
/// transaction of the change it records; the lock is held only from there to the commit. Rows are
/// written with plain commands so that the same code serves every context and both providers.
/// </summary>
public static class AuditChain
{
    private const string Table = "\"AuditEntries\"";
    private const string Head = "\"AuditChainHeads\"";
    private const int RowsPerInsert = 400;

    /// <summary>The columns in insert order; the hash covers the same values in the same order.</summary>
    private static readonly string[] Columns =
        ["Id", "At", "UserId", "UserName", "UnitId", "UnitName", "Role", "ClientAddress", "Event", "Target", "Result", "Reason",
         "Entity", "EntityKey", "Action", "Changes", "PreviousHash", "Hash"];

    /// <summary>SHA-256 (lower-case hex) of every column but the hash itself, each length-prefixed so that no two rows read alike.</summary>
    public static string HashOf(AuditEntry e)
    {
        var text = new StringBuilder(320 + e.Changes.Length);
        Add(text, e.Id.ToString(CultureInfo.InvariantCulture));
        Add(text, e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
        Add(text, e.UserId);
        Add(text, e.UserName);
        Add(text, e.UnitId?.ToString(CultureInfo.InvariantCulture) ?? "");
        Add(text, e.UnitName);
        Add(text, e.Role);
        Add(text, e.ClientAddress);
        Add(text, e.Event.ToString());
        Add(text, e.Target);
        Add(text, e.Result.ToString());
        Add(text, e.Reason);
        Add(text, e.Entity);
        Add(text, e.EntityKey);
        Add(text, e.Action);
        Add(text, e.Changes);
        Add(text, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Add(StringBuilder text, string value) => text.Append(value.Length).Append(':').Append(value).Append('\n');

    /// <summary>
    /// Appends <paramref name="rows"/> to the chain in <paramref name="transaction"/>: gives each its id,
    /// time, previous hash and hash, inserts them and moves the head. The caller commits.
    /// </summary>
    internal static async ValueTask AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditEntry> rows, bool sync, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        long lastId;
        string previous;
        DateTime? lastAt;
        // The UPDATE takes the head's row lock (PostgreSQL) or the write lock (SQLite) before anything is read.
        await using (var reserve = Command(connection, transaction,
            $"UPDATE {Head} SET \"LastId\" = \"LastId\" + @n WHERE \"Id\" = {AuditChainHead.SingletonId} RETURNING \"LastId\", \"LastHash\", \"LastAt\""))
        {
            Parameter(reserve, "@n", (long)rows.Count);
            await using var reader = sync ? reserve.ExecuteReader() : await reserve.ExecuteReaderAsync(ct);
            if (!(sync ? reader.Read() : await reader.ReadAsync(ct)))
                throw new InvalidOperationException("The audit chain head row is missing (it is created by the AuditChain migration).");
            lastId = reader.GetInt64(0);
            previous = reader.GetString(1);
            lastAt = reader.IsDBNull(2) ? null : DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc);
        }

        // Each row comes dated by the services' clock; times never go backwards along the chain (a row
        // committed after another carries at least its time), so a time range is an id range (AuditQuery).
        var at = lastAt ?? DateTime.MinValue;
        var id = lastId - rows.Count;
        foreach (var row in rows)
        {
            Normalize(row);
            row.Id = ++id;
            row.At = at = Microseconds(row.At > at ? row.At : at);
            row.PreviousHash = previous;
            row.Hash = previous = HashOf(row);
        }

        foreach (var chunk in rows.Chunk(RowsPerInsert))
        {
            await using var insert = Insert(connection, transaction, chunk);
            if (sync) insert.ExecuteNonQuery(); else await insert.ExecuteNonQueryAsync(ct);
        }

        await using var move = Command(connection, transaction,
            $"UPDATE {Head} SET \"LastHash\" = @h, \"LastAt\" = @at WHERE \"Id\" = {AuditChainHead.SingletonId}");
        Parameter(move, "@h", previous);
        Parameter(move, "@at", at);
        if (sync) move.ExecuteNonQuery(); else await move.ExecuteNonQueryAsync(ct);
    }

    /// <summary>PostgreSQL keeps microseconds: a time is cut to them before it is hashed, so it reads back the same.</summary>
    public static DateTime Microseconds(DateTime utc) => new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    /// <summary>What is stored is what is hashed: text cut to its column's length, characters a column may not hold replaced.</summary>
    private static void Normalize(AuditEntry e)
    {
        e.UserId = Clean(e.UserId, 450);
        e.UserName = Clean(e.UserName, 256);
        e.UnitName = Clean(e.UnitName, 100);
        e.Role = Clean(e.Role, 30);
        e.ClientAddress = Clean(e.ClientAddress, 64);
        e.Target = Clean(e.Target, 200);
        e.Reason = Clean(e.Reason, 200);
        e.Entity = Clean(e.Entity, 100);
        e.EntityKey = Clean(e.EntityKey, 100);
        e.Action = Clean(e.Action, 10);
        e.Changes = Clean(e.Changes, int.MaxValue);
    }

    /// <summary>
    /// A login name someone typed (an unknown one too) lands here: control and direction characters
    /// become U+FFFD (PostgreSQL text cannot hold NUL, and a log must not display as something else).
    /// </summary>
    internal static string Clean(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var text = value.Length > maxLength ? value[..maxLength] : value;
        if (TextSafety.IsClean(text) && !text.Contains('\0')) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = TextSafety.IsForbidden(source[i]) ? '\uFFFD' : source[i];
        });
    }

    private static DbCommand Insert(DbConnection connection, DbTransaction transaction, AuditEntry[] rows)
    {
        var sql = new StringBuilder($"INSERT INTO {Table} (").AppendJoin(", ", Columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        var command = Command(connection, transaction, "");
        for (var r = 0; r < rows.Length; r++)
        {
            var e = rows[r];
            object?[] values = [e.Id, e.At, e.UserId, e.UserName, e.UnitId, e.UnitName, e.Role, e.ClientAddress, e.Event.ToString(), e.Target,
                e.Result.ToString(), e.Reason, e.Entity, e.EntityKey, e.Action, e.Changes, e.PreviousHash, e.Hash];
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < values.Length; c++)
            {
                var name = $"@p{r}_{c}";
                sql.Append(c == 0 ? name : ", " + name);
                Parameter(command, name, values[c]);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        return command;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Parameter(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }
}
