using Taos.Tmq;

namespace Taos.Tests.Tmq;

/// <summary>Helpers of the TMQ tests: draining a consumer and naming the rows read.</summary>
internal static class TmqTestRows
{
    /// <summary>Consumes until a poll of <paramref name="idleMs"/> finds nothing; the messages in order.</summary>
    public static List<TaosConsumeResult> Drain(TaosConsumer consumer, int idleMs = 300)
    {
        var messages = new List<TaosConsumeResult>();
        while (consumer.Consume(TimeSpan.FromMilliseconds(idleMs)) is { } message)
        {
            messages.Add(message);
        }
        return messages;
    }

    /// <summary>The <c>voltage</c> values (unique per inserted row in these tests) of the messages' rows, in order.</summary>
    public static List<int> Voltages(IEnumerable<TaosConsumeResult> messages)
    {
        var voltages = new List<int>();
        foreach (var message in messages)
        {
            foreach (var block in message.Blocks)
            {
                using var reader = block.GetReader();
                int ordinal = reader.GetOrdinal("voltage");
                while (reader.Read()) voltages.Add(reader.GetInt32(ordinal));
            }
        }
        return voltages;
    }

    /// <summary>Every vgroup of the consumer's topics (a database may have several).</summary>
    public static TaosTopicPartition[] Partitions(TaosConsumer consumer) =>
        [.. consumer.Assignment().Select(a => new TaosTopicPartition(a.Topic, a.VgroupId))];

    /// <summary>Seeks every vgroup of the consumer's topics back to the first offset it holds.</summary>
    public static void SeekToBegin(TaosConsumer consumer)
    {
        foreach (var assignment in consumer.Assignment()) consumer.Seek(assignment.Topic, assignment.VgroupId, assignment.Begin);
    }
}
