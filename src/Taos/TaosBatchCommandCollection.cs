using System.Collections.ObjectModel;
using System.Data.Common;

namespace Taos;

/// <summary>The commands of a <see cref="TaosBatch"/>, in the order they run.</summary>
public sealed class TaosBatchCommandCollection : DbBatchCommandCollection
{
    private readonly List<TaosBatchCommand> _commands = [];

    internal TaosBatchCommandCollection()
    {
    }

    /// <inheritdoc/>
    public override int Count => _commands.Count;

    /// <summary>False: commands can be added and removed.</summary>
    public override bool IsReadOnly => false;

    /// <summary>The command at <paramref name="index"/>.</summary>
    public new TaosBatchCommand this[int index]
    {
        get => _commands[index];
        set => _commands[index] = value;
    }

    internal IReadOnlyList<TaosBatchCommand> Items => new ReadOnlyCollection<TaosBatchCommand>(_commands);

    /// <summary>Adds a command.</summary>
    public void Add(TaosBatchCommand item) => _commands.Add(item ?? throw new ArgumentNullException(nameof(item)));

    /// <inheritdoc/>
    public override void Add(DbBatchCommand item) => Add(Cast(item));

    /// <inheritdoc/>
    public override void Clear() => _commands.Clear();

    /// <inheritdoc/>
    public override bool Contains(DbBatchCommand item) => item is TaosBatchCommand c && _commands.Contains(c);

    /// <inheritdoc/>
    public override void CopyTo(DbBatchCommand[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        for (int i = 0; i < _commands.Count; i++) array[arrayIndex + i] = _commands[i];
    }

    /// <inheritdoc/>
    public override IEnumerator<DbBatchCommand> GetEnumerator() => _commands.GetEnumerator();

    /// <inheritdoc/>
    public override int IndexOf(DbBatchCommand item) => item is TaosBatchCommand c ? _commands.IndexOf(c) : -1;

    /// <inheritdoc/>
    public override void Insert(int index, DbBatchCommand item) => _commands.Insert(index, Cast(item));

    /// <inheritdoc/>
    public override bool Remove(DbBatchCommand item) => item is TaosBatchCommand c && _commands.Remove(c);

    /// <inheritdoc/>
    public override void RemoveAt(int index) => _commands.RemoveAt(index);

    /// <inheritdoc/>
    protected override DbBatchCommand GetBatchCommand(int index) => _commands[index];

    /// <inheritdoc/>
    protected override void SetBatchCommand(int index, DbBatchCommand batchCommand) => _commands[index] = Cast(batchCommand);

    private static TaosBatchCommand Cast(DbBatchCommand item) =>
        item as TaosBatchCommand ?? throw new ArgumentException(TaosStrings.NotATaosBatchCommand(item), nameof(item));
}
