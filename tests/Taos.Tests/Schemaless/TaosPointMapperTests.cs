using Taos.Schemaless;

namespace Taos.Tests.Schemaless;

/// <summary>Objects to points by their attributes: one lookup per type, null values left out, unusable types refused.</summary>
public class TaosPointMapperTests
{
    [TaosMeasurement("meters")]
    private sealed class Meter
    {
        [TaosTag(Name = "location")] public string? Location { get; set; }

        [TaosTag] public int GroupId { get; set; }

        [TaosField(Name = "current")] public double Current { get; set; }

        [TaosField] public int? Voltage { get; set; }

        [TaosField(NChar = true)] public string? Note { get; set; }

        [TaosField] public byte[]? Raw { get; set; }

        [TaosTimestamp] public DateTime Ts { get; set; }

        public string Ignored { get; set; } = "not written";
    }

    private sealed class Unnamed
    {
        [TaosField] public bool On { get; set; }

        [TaosTimestamp] public long? At { get; set; }
    }

    private sealed class NoFields
    {
        [TaosTag] public string? Tag { get; set; }
    }

    private sealed class BadField
    {
        [TaosField] public decimal Price { get; set; }
    }

    [Fact]
    public void Attributes_name_the_measurement_tags_fields_and_timestamp()
    {
        var meter = new Meter { Location = "SF", GroupId = 2, Current = 10.3, Voltage = 219, Note = "é", Raw = [1], Ts = DateTime.UnixEpoch.AddSeconds(1) };
        Assert.Equal("meters,location=SF,GroupId=2 current=10.3f64,Voltage=219i32,Note=L\"é\",Raw=b\"\\x01\" 1000",
            TaosPointMapper<Meter>.ToPoint(meter).ToLineProtocol(TaosSchemalessPrecision.Milliseconds));
        var sparse = new Meter { Current = 1, Ts = DateTime.UnixEpoch };
        Assert.Equal("meters,GroupId=0 current=1f64 0", TaosPointMapper<Meter>.ToPoint(sparse).ToLineProtocol(TaosSchemalessPrecision.Seconds));
        Assert.Equal("Unnamed On=true", TaosPointMapper<Unnamed>.ToPoint(new Unnamed { On = true }).ToString());
        Assert.Equal("Unnamed On=false 7", TaosPointMapper<Unnamed>.ToPoint(new Unnamed { At = 7 }).ToString());
    }

    [Fact]
    public void Types_the_writer_cannot_map_are_refused_with_the_reason()
    {
        var none = Assert.Throws<NotSupportedException>(() => TaosPointMapper<NoFields>.ToPoint(new NoFields()));
        Assert.Contains("[TaosField]", none.Message, StringComparison.Ordinal);
        var bad = Assert.Throws<NotSupportedException>(() => TaosPointMapper<BadField>.ToPoint(new BadField()));
        Assert.Contains("Price", bad.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => TaosPointMapper<Meter>.ToPoint(null!));
    }
}
