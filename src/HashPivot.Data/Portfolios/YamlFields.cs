using System.Globalization;
using HashPivot.Data.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HashPivot.Data.Portfolios;

/// <summary>
/// Reads the fields of one YAML mapping by name, collecting every problem (unknown key, missing field,
/// wrong type, out-of-range number) with its location instead of stopping at the first.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly string _path;
    private readonly List<InputProblem> _problems;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlFields(YamlMappingNode node, string file, string path, List<InputProblem> problems)
    {
        _node = node;
        _file = file;
        _path = path;
        _problems = problems;
    }

    /// <summary>Location of the mapping itself, for problems about the whole object.</summary>
    public Mark Start => _node.Start;

    public string Path => _path;

    public string FieldPath(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    public void Problem(Mark at, string field, string message) =>
        _problems.Add(new InputProblem(_file, (int)at.Line, (int)at.Column, field, message));

    public void Problem(string key, string message) =>
        Problem(Find(key)?.Start ?? _node.Start, FieldPath(key), message);

    public bool Has(string key) => Find(key) is not null;

    public YamlNode? Find(string key)
    {
        foreach (var entry in _node.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } name } && name == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>Marks keys as known without reading them (they belong to a branch not taken, e.g. the other of two alternatives).</summary>
    public void Allow(params string[] keys)
    {
        foreach (var key in keys)
        {
            _read.Add(key);
        }
    }

    /// <summary>Reports every key that no reader asked for: the misspelt ones.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var entry in _node.Children)
        {
            var name = (entry.Key as YamlScalarNode)?.Value ?? "?";
            if (!_read.Contains(name))
            {
                var hint = ClosestKnown(name);
                Problem(entry.Key.Start, FieldPath(name), hint is null ? "unknown key" : $"unknown key; did you mean '{hint}'?");
            }
        }
    }

    public string? String(string key, bool required)
    {
        var node = Take(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } text })
        {
            return text;
        }

        Problem(node.Start, FieldPath(key), "expected a non-empty text value");
        return null;
    }

    /// <summary>A finite number within [min, max]; null (and a problem) when missing, not a number, or out of range.</summary>
    public double? Number(string key, bool required, double min = double.MinValue, double max = double.MaxValue)
    {
        var node = Take(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } text }
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Problem(node.Start, FieldPath(key), $"expected a number, found '{Describe(node)}'");
            return null;
        }

        if (!double.IsFinite(value))
        {
            Problem(node.Start, FieldPath(key), $"expected a finite number, found '{text}'");
            return null;
        }

        if (value < min || value > max)
        {
            var range = max == double.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"at least {min:G}")
                : string.Create(CultureInfo.InvariantCulture, $"between {min:G} and {max:G}");
            Problem(node.Start, FieldPath(key), string.Create(CultureInfo.InvariantCulture, $"must be {range}, found {value:G}"));
            return null;
        }

        return value;
    }

    /// <summary>A whole number within [min, max].</summary>
    public long? Integer(string key, bool required, long min = 0, long max = long.MaxValue)
    {
        var node = Find(key);
        var value = Number(key, required, min, max);
        if (value is null)
        {
            return null;
        }

        if (Math.Floor(value.Value) != value.Value)
        {
            Problem(node!.Start, FieldPath(key), string.Create(CultureInfo.InvariantCulture, $"expected a whole number, found {value.Value:G}"));
            return null;
        }

        return (long)value.Value;
    }

    public YamlFields? Mapping(string key, bool required)
    {
        var node = Take(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return new YamlFields(mapping, _file, FieldPath(key), _problems);
        }

        Problem(node.Start, FieldPath(key), "expected a mapping of key: value lines");
        return null;
    }

    /// <summary>The mappings of a sequence; items that are not mappings are reported.</summary>
    public IReadOnlyList<YamlFields> Sequence(string key, bool required)
    {
        var node = Take(key, required);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Problem(node.Start, FieldPath(key), "expected a list of '- ' items");
            return [];
        }

        var items = new List<YamlFields>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{FieldPath(key)}[{i}]");
            if (sequence.Children[i] is YamlMappingNode item)
            {
                items.Add(new YamlFields(item, _file, itemPath, _problems));
            }
            else
            {
                Problem(sequence.Children[i].Start, itemPath, "expected a mapping of key: value lines");
            }
        }

        return items;
    }

    /// <summary>True when the key holds a list (<c>[a, b]</c> or <c>- </c> items).</summary>
    public bool IsSequence(string key) => Find(key) is YamlSequenceNode;

    /// <summary>The scalar items of a list with their locations and field paths; null (and a problem) when missing or not a list of scalars.</summary>
    public IReadOnlyList<(string Text, Mark At, string Field)>? ScalarList(string key, bool required)
    {
        var node = Take(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Problem(node.Start, FieldPath(key), $"expected a list such as [a, b], found '{Describe(node)}'");
            return null;
        }

        var items = new List<(string, Mark, string)>(sequence.Children.Count);
        var ok = true;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{FieldPath(key)}[{i}]");
            if (item is YamlScalarNode { Value: { Length: > 0 } text })
            {
                items.Add((text, item.Start, itemPath));
            }
            else
            {
                Problem(item.Start, itemPath, $"expected a single value, found '{Describe(item)}'");
                ok = false;
            }
        }

        return ok ? items : null;
    }

    /// <summary>A list of finite numbers, each within [min, max]; null (and one problem per bad item) otherwise.</summary>
    public IReadOnlyList<double>? NumberList(string key, bool required, double min = double.MinValue, double max = double.MaxValue)
    {
        var items = ScalarList(key, required);
        if (items is null)
        {
            return null;
        }

        var values = new List<double>(items.Count);
        foreach (var (text, at, field) in items)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                Problem(at, field, $"expected a finite number, found '{text}'");
            }
            else if (value < min || value > max)
            {
                Problem(at, field, string.Create(CultureInfo.InvariantCulture, $"must be between {min:G} and {max:G}, found {value:G}"));
            }
            else
            {
                values.Add(value);
            }
        }

        return values.Count == items.Count ? values : null;
    }

    private YamlNode? Take(string key, bool required)
    {
        _read.Add(key);
        var node = Find(key);
        if (node is null)
        {
            if (required)
            {
                Problem(_node.Start, FieldPath(key), "missing required field");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: null or "" or "~" or "null" } && node is not YamlScalarNode { Style: ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted })
        {
            if (required)
            {
                Problem(node.Start, FieldPath(key), "missing value");
            }

            return null;
        }

        return node;
    }

    private string? ClosestKnown(string name)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var known in _read)
        {
            var d = Levenshtein(name, known);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = known;
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => node.NodeType.ToString(),
    };
}
