using System.CommandLine;
using HashPivot.Cli.Commands;
using HashPivot.Data.Connectors;
using HashPivot.Data.Store;
using HashPivot.Data.Validation;

namespace HashPivot.Cli;

/// <summary>The <c>hashpivot</c> command tree. Exit codes: 0 success, 2 bad input (message on stderr), 1 internal error.</summary>
public static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for an internal error.</summary>
    public const int InternalError = 1;

    /// <summary>Exit code for bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Global option: print one JSON document on stdout instead of tables.</summary>
    internal static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON document on stdout instead of tables.",
        Recursive = true,
    };

    /// <summary>Parses and runs a command line, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var context = new CliContext(output, error);
        var root = new RootCommand("HashPivot: what each MW of a power site earns mining Bitcoin versus hosting AI/HPC.")
        {
            HashpriceCommand.Build(context),
            AnalyzeCommand.Build(context),
            CompareCommand.Build(context),
            AsicsCommand.Build(context),
            DealCommand.Build(context),
            HalvingsCommand.Build(context),
            DataCommand.Build(context),
            DispatchCommand.Build(context),
            ValueCommand.Build(context),
            PlanCommand.Build(context),
            SectorCommand.Build(context),
            SectorCommand.BuildContracts(context),
            MarketsCommand.Build(context),
            ServeCommand.Build(context),
            SiloCommand.Build(context),
        };
        root.Options.Add(Json);
        root.Options.Add(StoreOption.Db);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("Run 'hashpivot --help' for usage.");
            return BadInput;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>Wraps an asynchronous command body with the same exit-code rules as <see cref="Guard"/>.</summary>
    internal static Func<ParseResult, CancellationToken, Task<int>> GuardAsync(CliContext context, Func<ParseResult, CancellationToken, Task<int>> body) =>
        (parseResult, cancel) => Task.FromResult(Guard(context, p => body(p, cancel).GetAwaiter().GetResult())(parseResult));

    /// <summary>Wraps a command body so bad input exits 2 with its located messages and anything else exits 1.</summary>
    internal static Func<ParseResult, int> Guard(CliContext context, Func<ParseResult, int> body) => parseResult =>
    {
        try
        {
            return body(parseResult);
        }
        catch (StoreException ex)
        {
            // Name clashes, schema versions: the user's store or request, not a bug.
            context.Error.WriteLine($"error: {ex.Message}");
            return BadInput;
        }
        catch (ConnectorException ex)
        {
            // A feed that is down or refuses us is not the user's input, but not our bug either: say so plainly.
            context.Error.WriteLine($"error: {ex.Message}");
            return InternalError;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("cancelled");
            return InternalError;
        }
        catch (InputException ex)
        {
            foreach (var problem in ex.Problems)
            {
                context.Error.WriteLine($"error: {problem}");
            }

            return BadInput;
        }
        catch (ArgumentException ex)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return BadInput;
        }
#pragma warning disable CA1031 // The CLI's last line of defence: report, never crash with a stack trace on stdout.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.Error.WriteLine($"internal error: {ex.GetType().Name}: {ex.Message}");
            return InternalError;
        }
    };
}
