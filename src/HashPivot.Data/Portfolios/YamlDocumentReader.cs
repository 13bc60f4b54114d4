using HashPivot.Data.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace HashPivot.Data.Portfolios;

/// <summary>Parses YAML text into its root mapping, turning every syntax failure into one located problem; shared by the portfolio and dispatch-site loaders.</summary>
internal static class YamlDocumentReader
{
    // Nesting (flow '[' / '{' or block "- - -") deeper than this is not a configuration file; refusing it while parsing
    // keeps a hostile file from exhausting the stack of the recursive YAML representation model, which cannot be caught.
    private const int MaxDepth = 64;

    /// <summary>The root mapping, or null with a problem added (syntax error, or a root that is not a mapping: <paramref name="expectedRoot"/> says what was expected).</summary>
    public static YamlMappingNode? ReadRoot(string yaml, string file, List<InputProblem> problems, string expectedRoot)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml));
        try
        {
            stream.Load(new DepthLimitedParser(new Parser(scanner), MaxDepth));
        }
        catch (YamlException ex)
        {
            problems.Add(new InputProblem(file, (int)ex.Start.Line, (int)ex.Start.Column, "(syntax)", FirstLine(ex.Message)));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet 18.1 throws these instead of a YamlException on some broken flow scalars (": [\n0]") and on
            // some event sequences its representation model does not accept; both found by the fuzz tests.
            var at = scanner.CurrentPosition;
            problems.Add(new InputProblem(file, (int)at.Line, (int)at.Column, "(syntax)", "malformed flow collection or plain scalar"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new InputProblem(file, 1, 1, "(file)", expectedRoot));
            return null;
        }

        return root;
    }

    /// <summary>Reads a file's text; an I/O failure becomes an <see cref="InputException"/> naming the file.</summary>
    public static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputProblem(path, 0, 0, "(file)", $"cannot read: {ex.Message}"));
        }
    }

    /// <summary>Problems without duplicates, in file order.</summary>
    public static List<InputProblem> Sorted(List<InputProblem> problems) =>
        [.. problems.Distinct().OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)];

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end].TrimEnd();
    }

    /// <summary>
    /// Passes parser events through and stops with a located <see cref="YamlException"/> once sequences and mappings
    /// nest deeper than <paramref name="maxDepth"/>. The parser itself is iterative; only the node loader recurses.
    /// </summary>
    private sealed class DepthLimitedParser(IParser inner, int maxDepth) : IParser
    {
        private int _depth;

        public ParsingEvent Current => inner.Current!;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            var current = inner.Current!;
            if (current is SequenceStart or MappingStart && ++_depth > maxDepth)
            {
                throw new YamlException(current.Start, current.End, $"nesting deeper than {maxDepth} levels");
            }

            if (current is SequenceEnd or MappingEnd)
            {
                _depth--;
            }

            return true;
        }
    }
}
