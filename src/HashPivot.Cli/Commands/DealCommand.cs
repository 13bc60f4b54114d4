using System.CommandLine;
using HashPivot.Engine.Compute;
using HashPivot.Engine.Units;
using Spectre.Console;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot deal</c>: the USD/kW-month and USD/MW-year a disclosed contract implies.</summary>
internal static class DealCommand
{
    public static Command Build(CliContext context)
    {
        var value = Options.PositiveNumber("--value-usd", "Total contract value in USD, e.g. 9.7e9.");
        var mw = Options.PositiveNumber("--mw", "Contracted MW (critical IT).");
        var years = Options.PositiveNumber("--years", "Term in years.");
        var command = new Command("deal", "Implied USD per kW-month and per MW-year of a contract from its value, MW and term.\n"
            + "Example: hashpivot deal --value-usd 9.7e9 --mw 200 --years 5")
        {
            value, mw, years,
        };
        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var implied = ContractTerms.Implied(new Usd(parsed.GetValue(value)), new Megawatts(parsed.GetValue(mw)), parsed.GetValue(years));
            var result = new DealResult(
                parsed.GetValue(value), parsed.GetValue(mw), parsed.GetValue(years),
                implied.PerMwYear.Value, implied.PerKwMonth.Value, parsed.GetValue(value) / parsed.GetValue(years));
            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(result);
                return CliApp.Ok;
            }

            var table = new Table().AddColumn("Quantity").AddColumn(new TableColumn("Value").RightAligned());
            table.AddRow("Annual value (USD/year)", Format.Millions(result.AnnualValueUsd));
            table.AddRow("USD per MW-year", Format.Millions(result.UsdPerMwYear));
            table.AddRow("USD per kW-month", Format.Money(result.UsdPerKwMonth, 2));
            context.Console.Write(table);
            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>JSON document of <c>hashpivot deal --json</c>.</summary>
    internal sealed record DealResult(
        double ValueUsd, double Mw, double Years, double UsdPerMwYear, double UsdPerKwMonth, double AnnualValueUsd);
}
