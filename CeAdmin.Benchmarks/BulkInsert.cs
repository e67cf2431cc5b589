using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CeAdmin.Benchmarks;

/// <summary>
/// One prepared INSERT for an entity type, its columns and value conversions read from the app's EF
/// model (so the rows are exactly what the app would write), executed once per row inside the
/// caller's transaction: no change tracking, no batching overhead.
/// </summary>
public sealed class BulkInsert<T> : IDisposable where T : class
{
    private readonly SqliteCommand _command;
    private readonly IReadOnlyList<(IProperty Property, SqliteParameter Parameter)> _columns;

    public BulkInsert(SqliteConnection connection, SqliteTransaction transaction, IModel model)
    {
        var type = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not in the model");
        var table = type.GetTableName()!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, null);
        var properties = type.GetProperties().Where(p => p.PropertyInfo is not null).ToList();
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        var names = properties.Select(p => "\"" + p.GetColumnName(store) + "\"");
        _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", properties.Select((_, i) => "$p" + i))})";
        _columns = properties.Select((p, i) => (p, _command.Parameters.Add(new SqliteParameter("$p" + i, null)))).ToList();
        _command.Prepare();
    }

    public void Add(T entity)
    {
        foreach (var (property, parameter) in _columns)
        {
            var value = property.PropertyInfo!.GetValue(entity);
            var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
            if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
            parameter.Value = value ?? DBNull.Value;
        }
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
