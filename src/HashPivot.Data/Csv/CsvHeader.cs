namespace HashPivot.Data.Csv;

/// <summary>The column names of a CSV file, looked up by normalised name so <c>Delivery Date</c>, <c>deliveryDate</c> and <c>delivery_date</c> are the same column.</summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _byKey;

    public CsvHeader(IReadOnlyList<string> names)
    {
        Names = names;
        _byKey = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            // First occurrence wins; a repeated header name is reported by the caller if it matters.
            _byKey.TryAdd(Key(names[i]), i);
        }
    }

    /// <summary>The names as written in the file (trimmed), used in messages.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>The index of the first of <paramref name="aliases"/> present, or -1.</summary>
    public int Find(params ReadOnlySpan<string> aliases)
    {
        foreach (var alias in aliases)
        {
            if (_byKey.TryGetValue(Key(alias), out var index))
            {
                return index;
            }
        }

        return -1;
    }

    public bool Has(string name) => Find(name) >= 0;

    /// <summary>Lower case without spaces, underscores or hyphens: the form column names are compared in.</summary>
    public static string Key(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 256)];
        var n = 0;
        foreach (var c in name.AsSpan().Trim())
        {
            if (c is ' ' or '_' or '-' || n == buffer.Length)
            {
                continue;
            }

            buffer[n++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..n]);
    }
}
