using System.Text.Json;
using Spectre.Console;

namespace HashPivot.Cli;

/// <summary>Where a command writes: stdout for results (tables or one JSON document), stderr for messages.</summary>
internal sealed class CliContext
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public CliContext(TextWriter output, TextWriter error)
    {
        Out = output;
        Error = error;
        var redirected = !ReferenceEquals(output, System.Console.Out) || System.Console.IsOutputRedirected;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            // Files and pipes have no width; wide enough that tables are not wrapped into unreadable columns.
            Console.Profile.Width = 200;
        }
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Console { get; }

    public void WriteJson<T>(T document) => Out.WriteLine(ToJson(document));

    public static string ToJson<T>(T document) => JsonSerializer.Serialize(document, JsonOptions);
}
