using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Taos.Protocol;
using Taos.Protocol.Rest;

namespace Taos.Benchmarks.Reader;

/// <summary>
/// Reading every column of every row of <see cref="CannedAnswer"/> (client only: the body comes from memory through
/// <see cref="CannedAnswerHandler"/>), against the floor — a bare <see cref="Utf8JsonReader"/> pass over the same
/// bytes — and a buffered <see cref="JsonDocument"/> that converts every value. Run with
/// <c>dotnet run -c Release --project bench/Taos.Benchmarks -- --filter '*Reader*'</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class ReaderBenchmarks
{
    private byte[] _body = [];
    private TaosDataSource? _dataSource;

    /// <summary>The answer's row count (<see cref="CannedAnswer.Rows"/>).</summary>
    [ParamsSource(nameof(RowCounts))]
    public int Rows { get; set; }

    /// <summary>The one row count of this run.</summary>
    public static IEnumerable<int> RowCounts => [CannedAnswer.Rows];

    /// <summary>Builds the answer once and a data source that serves it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _body = CannedAnswer.Build(Rows);
        _dataSource = new TaosDataSourceBuilder("Url=http://canned.invalid:6041;Database=power")
            .UseHttpMessageHandler(new CannedAnswerHandler(_body))
            .Build();
    }

    /// <summary>Disposes the data source.</summary>
    [GlobalCleanup]
    public void Cleanup() => _dataSource?.Dispose();

    /// <summary>The floor: every token of the body, nothing decoded.</summary>
    [Benchmark(Baseline = true)]
    public long Utf8JsonReaderPass()
    {
        var reader = new Utf8JsonReader(_body, isFinalBlock: true, default);
        long tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }
        return tokens;
    }

    /// <summary>
    /// A hand-written decoder's floor: one <see cref="Utf8JsonReader"/> pass over the whole body converting every value
    /// of the data rows as it passes (no resumable rows, no cells, no getters).
    /// </summary>
    [Benchmark]
    public long Utf8JsonReaderConvert()
    {
        var reader = new Utf8JsonReader(_body, isFinalBlock: true, default);
        long sum = 0;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("data"u8)))
        {
        }
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            RestTimestamp.TryParseUtf8(reader.ValueSpan, out long ticks, out _, out _);
            reader.Read();
            sum += ticks + reader.GetInt32();
            reader.Read();
            sum += reader.GetInt64();
            reader.Read();
            sum += (long)reader.GetDouble();
            reader.Read();
            sum += (long)reader.GetSingle();
            reader.Read();
            sum += reader.GetString()!.Length;
            reader.Read();
        }
        return sum;
    }

    /// <summary>The whole body parsed into a <see cref="JsonDocument"/>, then every value converted.</summary>
    [Benchmark]
    public long JsonDocumentConvert()
    {
        using var document = JsonDocument.Parse(_body);
        long sum = 0;
        foreach (var row in document.RootElement.GetProperty("data").EnumerateArray())
        {
            sum += row[0].GetDateTimeOffset().UtcTicks;
            sum += row[1].GetInt32();
            sum += row[2].GetInt64();
            sum += (long)row[3].GetDouble();
            sum += (long)row[4].GetSingle();
            sum += row[5].GetString()!.Length;
        }
        return sum;
    }

    /// <summary>The connector's decoder alone (<see cref="RestEnvelopeReader"/>): every row into its cells, no getters.</summary>
    [Benchmark]
    public long RestEnvelopeReaderRows()
    {
        using var decoder = new RestEnvelopeReader(new MemoryStream(_body, writable: false));
        decoder.ReadHeaderAsync(async: false, CancellationToken.None).GetAwaiter().GetResult();
        var row = new TaosValue[CannedAnswer.Types.Length];
        long rows = 0;
        while (decoder.ReadRowAsync(row, async: false, CancellationToken.None).GetAwaiter().GetResult())
        {
            rows++;
        }
        return rows;
    }

    /// <summary>The connector: <see cref="TaosDataReader"/>'s typed getters on every column of every row.</summary>
    [Benchmark]
    public long TaosDataReaderGetters()
    {
        using var command = _dataSource!.CreateCommand("select * from meters");
        using var reader = command.ExecuteReader();
        long sum = 0;
        while (reader.Read())
        {
            sum += reader.GetDateTime(0).Ticks;
            sum += reader.GetInt32(1);
            sum += reader.GetInt64(2);
            sum += (long)reader.GetDouble(3);
            sum += (long)reader.GetFloat(4);
            sum += reader.GetString(5).Length;
        }
        return sum;
    }

    /// <summary>The same through <see cref="System.Data.Common.DbDataReader.GetFieldValue{T}(int)"/>.</summary>
    [Benchmark]
    public long TaosDataReaderFieldValues()
    {
        using var command = _dataSource!.CreateCommand("select * from meters");
        using var reader = command.ExecuteReader();
        long sum = 0;
        while (reader.Read())
        {
            sum += reader.GetFieldValue<TaosTimestamp>(0).EpochTicks;
            sum += reader.GetFieldValue<int>(1);
            sum += reader.GetFieldValue<long>(2);
            sum += (long)reader.GetFieldValue<double>(3);
            sum += (long)reader.GetFieldValue<float>(4);
            sum += reader.GetFieldValue<string>(5).Length;
        }
        return sum;
    }
}
