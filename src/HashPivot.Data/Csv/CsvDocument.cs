using HashPivot.Data.Validation;

namespace HashPivot.Data.Csv;

/// <summary>A CSV text with its header read, walking data rows and reporting located problems (file, line, column) to a <see cref="ProblemCollector"/>.</summary>
/// <remarks>Rows whose quoting is broken or whose field count differs from the header are reported and skipped by <see cref="NextRow"/>, so parsers only see rows of the right shape.</remarks>
internal sealed class CsvDocument
{
    private readonly CsvReader _reader;

    private CsvDocument(CsvReader reader, CsvHeader header, string file, ProblemCollector problems)
    {
        _reader = reader;
        Header = header;
        File = file;
        Problems = problems;
    }

    public CsvHeader Header { get; }

    public string File { get; }

    public ProblemCollector Problems { get; }

    /// <summary>The 1-based line on which the current row starts.</summary>
    public int Line => _reader.RecordLine;

    /// <summary>Reads the header; null (with a problem reported) when the text has none.</summary>
    public static CsvDocument? Open(string text, string file, ProblemCollector problems)
    {
        var reader = new CsvReader(text);
        if (!reader.Read())
        {
            problems.Add(file, 0, null, "the file is empty; expected a header row");
            return null;
        }

        if (reader.RecordError is not null)
        {
            problems.Add(file, reader.RecordLine, null, $"header row: {reader.RecordError}");
            return null;
        }

        var names = new string[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader[i].Trim().ToString();
        }

        return new CsvDocument(reader, new CsvHeader(names), file, problems);
    }

    /// <summary>Advances to the next well-formed data row; false at the end.</summary>
    public bool NextRow()
    {
        while (_reader.Read())
        {
            if (_reader.RecordError is not null)
            {
                Problems.Add(File, _reader.RecordLine, null, _reader.RecordError);
                continue;
            }

            if (_reader.FieldCount != Header.Count)
            {
                // Name the first column the row does not reach (truncated) or the first one beyond the header (extra).
                var truncated = _reader.FieldCount < Header.Count;
                var column = truncated ? Header.Names[_reader.FieldCount] : null;
                var hint = truncated ? $" (truncated row: no '{column}')" : " (extra fields)";
                Problems.Add(File, _reader.RecordLine, column, $"expected {Header.Count} fields as in the header, found {_reader.FieldCount}{hint}");
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>Column <paramref name="index"/> of the current row.</summary>
    public ReadOnlySpan<char> this[int index] => _reader[index];

    /// <summary>Reports a problem in column <paramref name="index"/> of the current row.</summary>
    public void Report(int index, string message) => Problems.Add(File, Line, Header.Names[index], message);

    /// <summary>Reports a problem with the whole current row.</summary>
    public void ReportRow(string message) => Problems.Add(File, Line, null, message);

    /// <summary>Reports each missing required column at line 1; true when all are present.</summary>
    public bool RequireColumns(params ReadOnlySpan<(int Index, string Name)> columns)
    {
        var ok = true;
        foreach (var (index, name) in columns)
        {
            if (index < 0)
            {
                Problems.Add(File, 1, name, "required column is missing from the header");
                ok = false;
            }
        }

        return ok;
    }

    public bool TryDouble(int index, out double value)
    {
        if (CsvValues.TryParseDouble(_reader[index], out value, out var error))
        {
            return true;
        }

        Report(index, error!);
        return false;
    }

    public bool TryDate(int index, out DateOnly value)
    {
        if (CsvValues.TryParseDate(_reader[index], out value, out var error))
        {
            return true;
        }

        Report(index, error!);
        return false;
    }

    public bool TryInstant(int index, out long unixSeconds)
    {
        if (CsvValues.TryParseInstant(_reader[index], out unixSeconds, out var error))
        {
            return true;
        }

        Report(index, error!);
        return false;
    }
}
