using System.CommandLine;
using HashPivot.Data.Analysis;
using HashPivot.Engine.Bitcoin;
using HashPivot.Engine.Units;
using Spectre.Console;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot hashprice</c>: hashprice and network figures from BTC price, difficulty, fees and subsidy.</summary>
internal static class HashpriceCommand
{
    /// <summary>Subsidy assumed when neither height nor subsidy is given: the era since the April 2024 halving (domain.md §1.2).</summary>
    private const double CurrentEraSubsidyBtc = 3.125;

    public static Command Build(CliContext context)
    {
        var price = Options.PositiveNumber("--btc-price", "BTC price in USD.");
        var difficulty = Options.PositiveNumber("--difficulty", "Network difficulty, e.g. 1.2493e14.");
        var fees = Options.NonNegativeNumber("--fees-btc-per-block", "Average fees per block in BTC (default 0).", 0);
        var height = new Option<long?>("--height") { Description = "Block height; sets the subsidy." };
        height.Validators.Add(r => { if (Options.TryTypedNumber(r, out var v) && v < 0) { r.AddError("--height must not be negative."); } });
        var subsidy = new Option<double?>("--subsidy-btc") { Description = $"Subsidy per block in BTC (default {CurrentEraSubsidyBtc}, the current era)." };
        subsidy.Validators.Add(r =>
        {
            if (Options.TryTypedNumber(r, out var s) && (!double.IsFinite(s) || s < 0 || s > 50))
            {
                r.AddError("--subsidy-btc must be between 0 and 50.");
            }
        });

        var command = new Command("hashprice", "Hashprice (USD/PH/day) and network hashrate from BTC price, difficulty, fees and subsidy.\n"
            + "Example: hashpivot hashprice --btc-price 100000 --difficulty 1e14 --subsidy-btc 3.125")
        {
            price, difficulty, fees, height, subsidy,
        };
        command.Validators.Add(r =>
        {
            if (r.GetResult(height) is not null && r.GetResult(subsidy) is not null)
            {
                r.AddError("Give --height or --subsidy-btc, not both.");
            }
        });

        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var h = parsed.GetValue(height);
            var subsidyBtc = h is { } blockHeight ? Subsidy.AtHeight(blockHeight) : Btc.FromBtc(parsed.GetValue(subsidy) ?? CurrentEraSubsidyBtc);
            var result = HashpriceResult.Compute(parsed.GetValue(price), parsed.GetValue(difficulty), subsidyBtc.Value, parsed.GetValue(fees), h);

            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(result);
                return CliApp.Ok;
            }

            var table = new Table().AddColumn("Quantity").AddColumn(new TableColumn("Value").RightAligned());
            table.AddRow("Hashprice (USD/PH/day)", Format.Money(result.HashpriceUsdPerPhDay, 2));
            table.AddRow("Network hashrate (EH/s)", Format.Number(result.NetworkHashrateEhS, 1));
            table.AddRow("Subsidy (BTC/block)", Format.Number(result.SubsidyBtc, 8));
            table.AddRow("Fees (BTC/block)", Format.Number(result.FeesBtcPerBlock, 8));
            table.AddRow("Network miner revenue (USD/day)", Format.Money(result.MinerRevenueUsdPerDay, 0));
            context.Console.Write(table);
            return CliApp.Ok;
        }));
        return command;
    }
}
