namespace HashPivot.Data.Csv;

/// <summary>A forward-only RFC 4180 record reader over CSV text (comma separator; quoted fields with doubled quotes and embedded line breaks; LF or CRLF).</summary>
/// <remarks>
/// Written here rather than taken from a library because the grid files are large and simple: unquoted fields
/// are returned as spans over the original text, so a 35,000-row file allocates almost nothing per field.
/// Malformed quoting never throws; it sets <see cref="RecordError"/> for the record and reading goes on.
/// Empty lines are skipped. A leading byte-order mark is ignored.
/// </remarks>
internal sealed class CsvReader
{
    private readonly string _text;
    private readonly List<Field> _fields = new(32);
    private char[] _scratch = new char[256];
    private int _scratchLength;
    private int _pos;
    private int _line = 1;

    public CsvReader(string text)
    {
        _text = text;
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
        }
    }

    /// <summary>The 1-based physical line on which the current record starts.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Why the current record's quoting is malformed, or null.</summary>
    public string? RecordError { get; private set; }

    /// <summary>The number of fields in the current record.</summary>
    public int FieldCount => _fields.Count;

    /// <summary>Field <paramref name="index"/> of the current record, unquoted and unescaped.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var f = _fields[index];
            return f.InScratch ? _scratch.AsSpan(f.Start, f.Length) : _text.AsSpan(f.Start, f.Length);
        }
    }

    /// <summary>Advances to the next non-empty record; false at the end of the text.</summary>
    public bool Read()
    {
        _fields.Clear();
        _scratchLength = 0;
        RecordError = null;

        // Skip empty lines: they carry no data, and a trailing newline must not become a one-field record.
        while (_pos < _text.Length && (_text[_pos] == '\n' || _text[_pos] == '\r'))
        {
            ConsumeLineBreak();
        }

        if (_pos >= _text.Length)
        {
            return false;
        }

        RecordLine = _line;
        while (true)
        {
            var endOfRecord = _pos < _text.Length && _text[_pos] == '"' ? ReadQuoted() : ReadUnquoted();
            if (endOfRecord)
            {
                return true;
            }
        }
    }

    // Reads one unquoted field; returns true when it ended the record.
    private bool ReadUnquoted()
    {
        var rest = _text.AsSpan(_pos);
        var stop = rest.IndexOfAny(',', '\r', '\n');
        if (stop < 0)
        {
            _fields.Add(new Field(_pos, rest.Length, false));
            _pos = _text.Length;
            return true;
        }

        _fields.Add(new Field(_pos, stop, false));
        _pos += stop;
        return ConsumeSeparator();
    }

    // Reads one quoted field starting at the opening quote; returns true when it ended the record.
    private bool ReadQuoted()
    {
        _pos++; // opening quote
        var contentStart = _pos;
        var scratchStart = -1; // set once a doubled quote forces unescaping into scratch
        while (true)
        {
            var close = _text.IndexOf('"', _pos);
            if (close < 0)
            {
                RecordError ??= "a quoted field is not closed before the end of the file";
                CountLines(_pos, _text.Length);
                AddQuotedField(contentStart, _text.Length, scratchStart);
                _pos = _text.Length;
                return true;
            }

            CountLines(_pos, close);
            if (close + 1 < _text.Length && _text[close + 1] == '"')
            {
                // A doubled quote is one literal quote: from here on the field is unescaped into scratch.
                if (scratchStart < 0)
                {
                    scratchStart = _scratchLength;
                    AppendToScratch(contentStart, close + 1);
                }
                else
                {
                    AppendToScratch(_pos, close + 1);
                }

                _pos = close + 2;
                continue;
            }

            AddQuotedField(contentStart, close, scratchStart);
            _pos = close + 1;
            break;
        }

        if (_pos < _text.Length && _text[_pos] is not (',' or '\r' or '\n'))
        {
            RecordError ??= "unexpected text after a closing quote";
            var stop = _text.AsSpan(_pos).IndexOfAny(',', '\r', '\n');
            _pos = stop < 0 ? _text.Length : _pos + stop;
        }

        return ConsumeSeparator();
    }

    // Adds the field ending (exclusive) at contentEnd: a span of the text, or the scratch copy plus its tail.
    private void AddQuotedField(int contentStart, int contentEnd, int scratchStart)
    {
        if (scratchStart < 0)
        {
            _fields.Add(new Field(contentStart, contentEnd - contentStart, false));
            return;
        }

        AppendToScratch(_pos, contentEnd);
        _fields.Add(new Field(scratchStart, _scratchLength - scratchStart, true));
    }

    private void AppendToScratch(int from, int to)
    {
        var segment = _text.AsSpan(from, to - from);
        if (_scratchLength + segment.Length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + segment.Length));
        }

        segment.CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += segment.Length;
    }

    // At a separator or the end: consume it and report whether the record ended.
    private bool ConsumeSeparator()
    {
        if (_pos >= _text.Length)
        {
            return true;
        }

        if (_text[_pos] == ',')
        {
            _pos++;
            if (_pos >= _text.Length || _text[_pos] is '\r' or '\n')
            {
                // A trailing comma means one more, empty, field.
                _fields.Add(new Field(_pos, 0, false));
                if (_pos < _text.Length)
                {
                    ConsumeLineBreak();
                }

                return true;
            }

            return false;
        }

        ConsumeLineBreak();
        return true;
    }

    private void ConsumeLineBreak()
    {
        if (_text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
        {
            _pos++;
        }

        _pos++;
        _line++;
    }

    private void CountLines(int from, int to)
    {
        _line += _text.AsSpan(from, to - from).Count('\n');
    }

    private readonly record struct Field(int Start, int Length, bool InScratch);
}
