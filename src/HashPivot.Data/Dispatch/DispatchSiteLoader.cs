using System.Collections.Immutable;
using System.Globalization;
using HashPivot.Data.Portfolios;
using HashPivot.Data.Validation;
using HashPivot.Engine.Dispatch;
using HashPivot.Engine.Fleet;
using HashPivot.Engine.Units;

namespace HashPivot.Data.Dispatch;

/// <summary>
/// Reads a dispatch site YAML file (grid cap, AI load, mining tiers, supply, reserve, 4CP, battery, BTC price) into a
/// <see cref="DispatchSite"/>. Validation reports every problem at once with file, line, column and field path; on any
/// problem nothing is returned. <c>samples/dispatch-site.yaml</c> is the reference.
/// </summary>
public static class DispatchSiteLoader
{
    /// <summary>Loads a file; throws <see cref="InputException"/> listing every problem.</summary>
    public static DispatchSite LoadFile(string path) => Load(YamlDocumentReader.ReadText(path), path);

    /// <summary>Loads YAML text; <paramref name="file"/> names it in messages.</summary>
    public static DispatchSite Load(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var problems = new List<InputProblem>();
        var root = YamlDocumentReader.ReadRoot(yaml, file, problems, "expected a mapping with 'cap_mw' and 'tiers'");
        if (root is null)
        {
            throw new InputException(problems);
        }

        var top = new YamlFields(root, file, "", problems);
        var cap = top.Number("cap_mw", required: true, min: 0, max: 100_000);
        var btcPrice = top.Number("btc_price_usd", required: false, min: 0.01, max: 100_000_000);
        var ai = ReadAi(top.Mapping("ai", required: false), file);
        var tiers = ReadTiers(top);
        var supply = ReadSupply(top.Mapping("supply", required: false));
        var (reserve, demandResponse) = ReadReserve(top.Mapping("reserve", required: false), file);
        var fourCp = ReadFourCp(top.Mapping("four_cp", required: false), file);
        var battery = ReadBattery(top.Mapping("battery", required: false));
        top.RejectUnknownKeys();
        if (problems.Count > 0 || cap is null)
        {
            throw new InputException(YamlDocumentReader.Sorted(problems));
        }

        return new DispatchSite(file, cap.Value, tiers, supply)
        {
            Ai = ai,
            ReservePriceUsdPerMwh = reserve,
            DemandResponse = demandResponse,
            FourCp = fourCp,
            Battery = battery,
            BtcPrice = btcPrice is null ? null : new UsdPerBtc(btcPrice.Value),
        };
    }

    private static DispatchSiteAi? ReadAi(YamlFields? fields, string file)
    {
        if (fields is null)
        {
            return null;
        }

        var at = fields.Find("profile_mw")?.Start ?? fields.Start;
        var location = new SourceLocation(file, (int)at.Line, (int)at.Column, fields.FieldPath("profile_mw"));
        IReadOnlyList<double>? profile;
        if (fields.IsSequence("profile_mw"))
        {
            profile = fields.NumberList("profile_mw", required: true, min: 0, max: 100_000);
            if (profile is { Count: 0 })
            {
                fields.Problem("profile_mw", "the profile is empty; give a constant MW or one value per price interval");
                profile = null;
            }
        }
        else
        {
            profile = fields.Number("profile_mw", required: true, min: 0, max: 100_000) is { } mw ? [mw] : null;
        }

        var revenue = fields.Number("revenue_usd_per_mwh", required: true, min: -10_000, max: 100_000);
        var penalty = fields.Number("sla_penalty_usd_per_mwh", required: false, min: 0, max: 1_000_000) ?? 0;
        fields.RejectUnknownKeys();
        return profile is null || revenue is null
            ? null
            : new DispatchSiteAi([.. profile], new UsdPerMwh(revenue.Value), new UsdPerMwh(penalty), location);
    }

    private static ImmutableArray<MiningTier> ReadTiers(YamlFields top)
    {
        var items = top.Sequence("tiers", required: true);
        if (top.IsSequence("tiers") && items.Count == 0)
        {
            top.Problem("tiers", "a dispatch site needs at least one mining tier");
        }

        var tiers = ImmutableArray.CreateBuilder<MiningTier>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var fields in items)
        {
            var tier = ReadTier(fields);
            if (tier is not null && !names.Add(tier.Name))
            {
                fields.Problem("name", $"another tier is already named '{tier.Name}'");
            }
            else if (tier is not null)
            {
                tiers.Add(tier);
            }
        }

        return tiers.ToImmutable();
    }

    private static MiningTier? ReadTier(YamlFields fields)
    {
        var name = fields.String("name", required: true);
        JoulesPerTerahash? efficiency = null;
        if (fields.Has("model") == fields.Has("efficiency_j_per_th"))
        {
            fields.Problem(fields.Start, fields.Path, "give exactly one of 'model' (an ASIC catalog id) or 'efficiency_j_per_th'");
        }
        else if (fields.Has("model"))
        {
            var id = fields.String("model", required: true);
            var model = id is null ? null : AsicCatalog.Find(id);
            if (id is not null && model is null)
            {
                fields.Problem("model", $"unknown ASIC model '{id}'; known: {string.Join(", ", AsicCatalog.All.Select(m => m.Id))}");
            }

            efficiency = model?.Efficiency;
        }
        else if (fields.Number("efficiency_j_per_th", required: true, min: 1, max: 1_000) is { } jth)
        {
            efficiency = new JoulesPerTerahash(jth);
        }

        fields.Allow("model", "efficiency_j_per_th");
        var steps = ReadSteps(fields);
        var minOn = fields.Integer("min_on_intervals", required: false, min: 0, max: 10_000) ?? 0;
        var minOff = fields.Integer("min_off_intervals", required: false, min: 0, max: 10_000) ?? 0;
        var ramp = fields.Number("ramp_mw_per_interval", required: false, min: 0.001, max: 100_000) ?? double.PositiveInfinity;
        var strike = fields.Number("strike_usd_per_mwh", required: false, min: -10_000, max: 100_000);
        fields.RejectUnknownKeys();
        if (name is null || efficiency is null || steps is null)
        {
            return null;
        }

        return new MiningTier(name, efficiency.Value, steps.Value)
        {
            MinOnIntervals = (int)minOn,
            MinOffIntervals = (int)minOff,
            RampLimitMwPerInterval = ramp,
            StrikePrice = strike is null ? null : new UsdPerMwh(strike.Value),
        };
    }

    private static ImmutableArray<double>? ReadSteps(YamlFields fields)
    {
        var steps = fields.NumberList("steps_mw", required: true, min: 0, max: 100_000);
        if (steps is null)
        {
            return null;
        }

        if (steps.Count < 2 || steps[0] != 0)
        {
            fields.Problem("steps_mw", "presets must start with 0 (off) and have at least one running step, e.g. [0, 20, 40]");
            return null;
        }

        for (var k = 1; k < steps.Count; k++)
        {
            if (!(steps[k] > steps[k - 1]))
            {
                fields.Problem("steps_mw", string.Create(CultureInfo.InvariantCulture,
                    $"presets must be strictly increasing: {steps[k]:G} follows {steps[k - 1]:G}"));
                return null;
            }
        }

        return [.. steps];
    }

    private static PowerSupply ReadSupply(YamlFields? fields)
    {
        if (fields is null)
        {
            return PowerSupply.Market;
        }

        var block = fields.Number("ppa_mw", required: false, min: 0, max: 100_000) ?? 0;
        var price = fields.Number("ppa_usd_per_mwh", required: block > 0, min: -1_000, max: 10_000) ?? 0;
        var adder = fields.Number("adder_usd_per_mwh", required: false, min: 0, max: 10_000) ?? 0;
        fields.RejectUnknownKeys();
        return new PowerSupply(block, new UsdPerMwh(price), new UsdPerMwh(adder));
    }

    private static (double? Price, DispatchSiteDemandResponse? DemandResponse) ReadReserve(YamlFields? fields, string file)
    {
        if (fields is null)
        {
            return (null, null);
        }

        var price = fields.Number("price_usd_per_mw_h", required: true, min: -1_000, max: 10_000);
        var qualified = fields.Number("qualified_mw", required: false, min: 0, max: 100_000);
        var payment = fields.Number("deployment_payment_usd_per_mwh", required: false, min: -10_000, max: 100_000);
        var items = fields.ScalarList("deployments", required: false);
        fields.RejectUnknownKeys();
        var (instants, locations) = ReadInstants(fields, items, file);
        if (qualified is null && payment is null && items is null)
        {
            return (price, null);
        }

        return (price, instants is null ? null : new DispatchSiteDemandResponse(qualified ?? double.PositiveInfinity, instants.Value, locations!.Value, payment ?? 0));
    }

    // UTC instants of a list (null when any is not one: each such item is reported); empty for no list.
    private static (ImmutableArray<DateTimeOffset>? Instants, ImmutableArray<SourceLocation>? Locations) ReadInstants(
        YamlFields fields, IReadOnlyList<(string Text, YamlDotNet.Core.Mark At, string Field)>? items, string file)
    {
        var instants = ImmutableArray.CreateBuilder<DateTimeOffset>();
        var locations = ImmutableArray.CreateBuilder<SourceLocation>();
        var ok = true;
        foreach (var (text, at, field) in items ?? [])
        {
            var utc = text.EndsWith('Z') || text.EndsWith("+00:00", StringComparison.Ordinal);
            if (!utc || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) || instant.Offset != TimeSpan.Zero)
            {
                fields.Problem(at, field, $"expected a UTC instant such as 2024-08-20T21:00:00Z, found '{text}'");
                ok = false;
                continue;
            }

            instants.Add(instant);
            locations.Add(new SourceLocation(file, (int)at.Line, (int)at.Column, field));
        }

        return ok ? (instants.ToImmutable(), locations.ToImmutable()) : (null, null);
    }

    private static DispatchSiteFourCp? ReadFourCp(YamlFields? fields, string file)
    {
        if (fields is null)
        {
            return null;
        }

        var rate = fields.Number("rate_usd_per_kw_year", required: true, min: 0, max: 10_000);
        var items = fields.ScalarList("intervals", required: true);
        fields.RejectUnknownKeys();
        if (items is null)
        {
            return null;
        }

        var (instants, locations) = ReadInstants(fields, items, file);
        return instants is not null && rate is not null ? new DispatchSiteFourCp(rate.Value, instants.Value, locations!.Value) : null;
    }

    private static Battery? ReadBattery(YamlFields? fields)
    {
        if (fields is null)
        {
            return null;
        }

        var power = fields.Number("power_mw", required: true, min: 0, max: 100_000);
        var energy = fields.Number("energy_mwh", required: true, min: 0, max: 1_000_000);
        var efficiency = fields.Number("round_trip_efficiency", required: true, min: 0.01, max: 1);
        var initial = fields.Number("initial_soc_mwh", required: false, min: 0, max: 1_000_000) ?? 0;
        var step = fields.Number("step_mwh", required: false, min: 1e-6, max: 1_000_000);
        fields.RejectUnknownKeys();
        if (energy is not null && step is not null && energy.Value / step.Value + 1 > Battery.MaxLevels)
        {
            fields.Problem("step_mwh", string.Create(CultureInfo.InvariantCulture,
                $"energy_mwh ÷ step_mwh gives more than {Battery.MaxLevels} state-of-charge levels; use a step of at least {energy.Value / (Battery.MaxLevels - 1):G4} MWh"));
            return null;
        }

        if (energy is not null && initial > energy.Value)
        {
            fields.Problem("initial_soc_mwh", string.Create(CultureInfo.InvariantCulture, $"must not exceed energy_mwh ({energy.Value:G})"));
            return null;
        }

        return power is null || energy is null || efficiency is null ? null : new Battery(power.Value, energy.Value, efficiency.Value, initial) { StepMwh = step };
    }
}
