using System.Buffers.Binary;
using System.Globalization;

namespace HashPivot.Data.Store;

// Series points are stored in chunks of up to ChunkSize points: one row per chunk holding the interval starts
// (Unix seconds) and the values as little-endian int64 / IEEE-754 double arrays. Why not one row per point:
// a year of 15-minute prices for 7 hubs is 245,952 points; as rows that is 245,952 inserts and index entries
// (tens of MB of B-tree in SQLite), as chunks it is 35 rows and 3.9 MB of payload written sequentially. Values
// round-trip bit for bit (-0.0, subnormals, NaN payloads) because no SQL REAL conversion is involved; range
// queries stay cheap because every chunk row carries its first and last start, so only the chunks overlapping
// [from, to) are read and then trimmed in memory.
internal static class SeriesChunks
{
    // 8,192 points = 64 KiB per array: large enough that per-row overhead vanishes, small enough that a
    // one-week range query over a decade of 15-minute data reads one or two chunks.
    public const int ChunkSize = 8192;

    public static int ChunkCount(int points) => (points + ChunkSize - 1) / ChunkSize;

    public static byte[] EncodeStarts(ReadOnlySpan<long> starts)
    {
        var bytes = new byte[starts.Length * sizeof(long)];
        for (var i = 0; i < starts.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), starts[i]);
        }

        return bytes;
    }

    public static byte[] EncodeValues(ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        }

        return bytes;
    }

    /// <summary>Appends the points of one chunk whose start lies in [from, to) to the destination lists.</summary>
    public static void DecodeInto(byte[] startBytes, byte[] valueBytes, int expectedCount, long from, long to, List<long> starts, List<double> values, string where)
    {
        if (startBytes.Length != expectedCount * sizeof(long) || valueBytes.Length != expectedCount * sizeof(double))
        {
            throw new StoreException(string.Create(CultureInfo.InvariantCulture,
                $"Corrupt series chunk in {where}: {expectedCount} points recorded but {startBytes.Length} bytes of instants and {valueBytes.Length} bytes of values."));
        }

        for (var i = 0; i < expectedCount; i++)
        {
            var start = BinaryPrimitives.ReadInt64LittleEndian(startBytes.AsSpan(i * sizeof(long)));
            if (start >= from && start < to)
            {
                starts.Add(start);
                values.Add(BinaryPrimitives.ReadDoubleLittleEndian(valueBytes.AsSpan(i * sizeof(double))));
            }
        }
    }

    /// <summary>Unix seconds of the first whole second at or after <paramref name="instant"/>, so "start &gt;= instant" is "start &gt;= result".</summary>
    public static long CeilingUnixSeconds(DateTimeOffset instant)
    {
        var seconds = instant.ToUnixTimeSeconds();
        return instant.UtcTicks % TimeSpan.TicksPerSecond == 0 ? seconds : seconds + 1;
    }
}

// Instants of metadata (import time, run time) are stored as fixed-width ISO-8601 UTC text with 100 ns ticks:
// readable in either database, exact, and ordered the same as text and as time.
internal static class StoreTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset instant) => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string text) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc));
}
