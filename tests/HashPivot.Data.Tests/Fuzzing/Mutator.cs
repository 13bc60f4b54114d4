using System.Text;

namespace HashPivot.Data.Tests.Fuzzing;

/// <summary>Seeded mutations that turn a valid input into the malformed ones users and broken exports produce.</summary>
internal sealed class Mutator(int seed)
{
    private static readonly string[] Hostile =
    [
        "1e309", "-1e400", "99999999999999999999999999", "NaN", "nan", "Infinity", "-inf", ".nan", "abc", "", "\"", "\"\"",
        ",,,,", "\0", "\uFEFF", "\u00e9", "\uFFFD", "💥", "\r", "\r\n", "\n\n", "-", "- - - -", "[[[[[[[[", "{{{{{{", "]]]}}}",
        "*anchor", "&a [*a, *a]", "!!binary AAAA", "%YAML 1.2", "---", "...", "2024-02-30", "2024-13-01T25:61:00Z", "HE25", "24:00",
        "0x1F", "1,5", "١٢٣", "  \t ", "key: value: other", "? complex", "|", ">-",
    ];

    private readonly Random _random = new(seed);

    public string Mutate(string input)
    {
        var text = input;
        var rounds = 1 + _random.Next(3);
        for (var r = 0; r < rounds; r++)
        {
            text = _random.Next(12) switch
            {
                0 => Truncate(text),
                1 => FlipBits(text),
                2 => InsertHostile(text),
                3 => DeleteLine(text),
                4 => DuplicateLine(text),
                5 => SwapLines(text),
                6 => ReplaceNumber(text),
                7 => WrongEncoding(text),
                8 => DeepNesting(text),
                9 => RandomChars(text),
                10 => ChangeIndentation(text),
                _ => HugeLine(text),
            };
        }

        return text;
    }

    private string Truncate(string s) => s.Length == 0 ? s : s[.._random.Next(s.Length)];

    private string FlipBits(string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        if (bytes.Length == 0)
        {
            return s;
        }

        for (var i = 0; i < 1 + _random.Next(8); i++)
        {
            bytes[_random.Next(bytes.Length)] ^= (byte)(1 << _random.Next(8));
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private string InsertHostile(string s)
    {
        var at = s.Length == 0 ? 0 : _random.Next(s.Length);
        return s.Insert(at, Hostile[_random.Next(Hostile.Length)]);
    }

    private string DeleteLine(string s) => EditLines(s, lines => lines.RemoveAt(_random.Next(lines.Count)));

    private string DuplicateLine(string s) => EditLines(s, lines =>
    {
        var i = _random.Next(lines.Count);
        lines.Insert(i, lines[i]);
    });

    private string SwapLines(string s) => EditLines(s, lines =>
    {
        var i = _random.Next(lines.Count);
        var j = _random.Next(lines.Count);
        (lines[i], lines[j]) = (lines[j], lines[i]);
    });

    private string ChangeIndentation(string s) => EditLines(s, lines =>
    {
        var i = _random.Next(lines.Count);
        lines[i] = _random.Next(2) == 0 ? lines[i].TrimStart() : new string(' ', _random.Next(1, 9)) + lines[i];
    });

    private string ReplaceNumber(string s)
    {
        var digits = Enumerable.Range(0, s.Length).Where(i => char.IsAsciiDigit(s[i])).ToList();
        if (digits.Count == 0)
        {
            return s;
        }

        var at = digits[_random.Next(digits.Count)];
        var end = at;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] is '.' or 'e' or '-'))
        {
            end++;
        }

        return string.Concat(s.AsSpan(0, at), Hostile[_random.Next(Hostile.Length)], s.AsSpan(end));
    }

    // Bytes of one encoding read as another: what a spreadsheet's "Save as Unicode" or a Latin-1 export does.
    private string WrongEncoding(string s) => _random.Next(3) switch
    {
        0 => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(s)),
        1 => Encoding.UTF8.GetString(Encoding.Unicode.GetBytes(s)),
        _ => Encoding.UTF8.GetString(Encoding.UTF32.GetBytes(s)),
    };

    private string DeepNesting(string s)
    {
        var depth = _random.Next(10, 5_000);
        var token = _random.Next(3) switch { 0 => "[", 1 => "{a: ", _ => "- " };
        var at = s.Length == 0 ? 0 : _random.Next(s.Length);
        return s.Insert(at, string.Concat(Enumerable.Repeat(token, depth)));
    }

    private string RandomChars(string s)
    {
        var sb = new StringBuilder(s);
        for (var i = 0; i < 1 + _random.Next(16); i++)
        {
            sb.Insert(sb.Length == 0 ? 0 : _random.Next(sb.Length), (char)_random.Next(0, 0x3000));
        }

        return sb.ToString();
    }

    private string HugeLine(string s) => s + "\n" + new string(_random.Next(2) == 0 ? '9' : ',', _random.Next(1_000, 100_000));

    private string EditLines(string s, Action<List<string>> edit)
    {
        var lines = s.Split('\n').ToList();
        if (lines.Count == 0)
        {
            return s;
        }

        edit(lines);
        return string.Join('\n', lines);
    }
}
