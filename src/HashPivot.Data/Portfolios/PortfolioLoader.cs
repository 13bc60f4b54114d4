using System.Globalization;
using HashPivot.Data.Validation;
using HashPivot.Engine.Bitcoin;
using HashPivot.Engine.Compute;
using HashPivot.Engine.Fleet;
using HashPivot.Engine.Sites;
using HashPivot.Engine.Units;

namespace HashPivot.Data.Portfolios;

/// <summary>
/// Reads a portfolio YAML file (network snapshot and sites) into engine types. Validation reports every
/// problem at once with file, line, column and field; on any problem nothing is returned.
/// </summary>
public sealed class PortfolioLoader(IPriceSeriesReader? seriesReader = null)
{
    /// <summary>Loads a file; throws <see cref="InputException"/> listing every problem.</summary>
    public Portfolio LoadFile(string path)
    {
        var text = YamlDocumentReader.ReadText(path);
        return Load(text, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>Loads YAML text; <paramref name="file"/> names it in messages and <paramref name="baseDirectory"/> resolves relative series paths.</summary>
    public Portfolio Load(string yaml, string file, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var problems = new List<InputProblem>();
        var root = YamlDocumentReader.ReadRoot(yaml, file, problems, "expected a mapping with 'network' and 'sites'");
        if (root is null)
        {
            throw new InputException(problems);
        }

        var top = new YamlFields(root, file, "", problems);
        var network = ReadNetwork(top.Mapping("network", required: true));
        var offers = top.Mapping("offers", required: false);
        var defaultLease = ReadLease(offers?.Mapping("lease", required: false), OfferDefaults.Lease);
        var defaultCloud = ReadCloud(offers?.Mapping("gpu_cloud", required: false), OfferDefaults.Cloud);
        offers?.RejectUnknownKeys();

        var siteFields = top.Sequence("sites", required: true);
        // Only an empty list is "no sites"; a value that is not a list was reported by Sequence already.
        if (top.Find("sites") is YamlDotNet.RepresentationModel.YamlSequenceNode { Children.Count: 0 })
        {
            top.Problem("sites", "a portfolio needs at least one site");
        }

        var sites = new List<Site>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var fields in siteFields)
        {
            var site = ReadSite(fields, defaultLease, defaultCloud, baseDirectory, file, problems);
            if (site is not null && !names.Add(site.Name))
            {
                fields.Problem("name", $"another site is already named '{site.Name}'");
            }

            if (site is not null)
            {
                sites.Add(site);
            }
        }

        top.RejectUnknownKeys();
        if (problems.Count > 0 || network is null)
        {
            throw new InputException(YamlDocumentReader.Sorted(problems));
        }

        return new Portfolio(network, sites);
    }

    private static NetworkSnapshot? ReadNetwork(YamlFields? fields)
    {
        if (fields is null)
        {
            return null;
        }

        var price = fields.Number("btc_price_usd", required: true, min: 0);
        var difficulty = fields.Number("difficulty", required: true, min: 1);

        // Default fee: ~0.025 BTC/block, the middle of domain.md §1.4's 0.02–0.04 BTC for 2025–2026.
        var fees = fields.Has("fees_btc_per_block") ? fields.Number("fees_btc_per_block", required: true, min: 0, max: 1_000) : 0.025;
        var height = fields.Integer("height", required: true, min: 0, max: 100_000_000);
        fields.RejectUnknownKeys();
        return price is null || difficulty is null || fees is null || height is null
            ? null
            : new NetworkSnapshot(new UsdPerBtc(price.Value), difficulty.Value, Btc.FromBtc(fees.Value), height.Value);
    }

    private Site? ReadSite(
        YamlFields fields,
        ColocationLease defaultLease,
        GpuCloud defaultCloud,
        string baseDirectory,
        string file,
        List<InputProblem> problems)
    {
        var before = problems.Count;
        var name = fields.String("name", required: true);
        var market = fields.String("market", required: true);
        var interconnection = fields.Number("interconnection_mw", required: true, min: 0);
        var power = ReadPower(fields.Mapping("power", required: true), baseDirectory, file, problems);
        var fleet = ReadFleet(fields.Mapping("fleet", required: false));
        var lease = ReadLease(fields.Mapping("lease_offer", required: false), defaultLease);
        var cloud = ReadCloud(fields.Mapping("gpu_cloud_offer", required: false), defaultCloud);
        var deployments = new List<AiDeployment>();
        foreach (var ai in fields.Sequence("ai", required: false))
        {
            var deployment = ReadDeployment(ai, lease, cloud);
            if (deployment is not null)
            {
                deployments.Add(deployment);
            }
        }

        fields.RejectUnknownKeys();
        if (problems.Count > before || name is null || market is null || interconnection is null || power is null)
        {
            return null;
        }

        var site = new Site(name, market, new Megawatts(interconnection.Value), power, fleet, deployments, lease, cloud);
        if (site.Headroom.Value < -1e-9)
        {
            fields.Problem(fields.Start, fields.Path, string.Create(CultureInfo.InvariantCulture,
                $"AI load {site.AiLoad.Value:0.##} MW + mining load {site.Fleet.SitePower.Value:0.##} MW (overhead included) exceeds the interconnection of {interconnection:0.##} MW"));
            return null;
        }

        return site;
    }

    private PowerPrice? ReadPower(YamlFields? fields, string baseDirectory, string file, List<InputProblem> problems)
    {
        if (fields is null)
        {
            return null;
        }

        PowerPrice? power = null;
        if (fields.Has("fixed_usd_per_mwh") == fields.Has("series"))
        {
            fields.Problem(fields.Start, fields.Path, "give exactly one of 'fixed_usd_per_mwh' or 'series'");
        }
        else if (fields.Has("fixed_usd_per_mwh"))
        {
            // Negative all-in prices exist only hour by hour; a fixed contract price below -1000 is a typo.
            var price = fields.Number("fixed_usd_per_mwh", required: true, min: -1_000, max: 10_000);
            power = price is null ? null : PowerPrice.Fixed(new UsdPerMwh(price.Value));
        }
        else
        {
            var seriesPath = fields.String("series", required: true);
            var column = fields.String("column", required: false);
            var adder = fields.Number("adder_usd_per_mwh", required: false, min: -1_000, max: 10_000) ?? 0;
            if (seriesPath is not null)
            {
                power = ReadSeries(fields, seriesPath, column, adder, baseDirectory, file, problems);
            }
        }

        fields.Allow("fixed_usd_per_mwh", "series", "column", "adder_usd_per_mwh");
        fields.RejectUnknownKeys();
        return power;
    }

    private PowerPrice? ReadSeries(
        YamlFields fields, string seriesPath, string? column, double adder, string baseDirectory, string file, List<InputProblem> problems)
    {
        if (seriesReader is null)
        {
            fields.Problem("series", "price series are not available in this context; give 'fixed_usd_per_mwh'");
            return null;
        }

        var (full, notFound) = seriesReader.Resolve(seriesPath, baseDirectory);
        if (full is null)
        {
            fields.Problem("series", notFound);
            return null;
        }

        try
        {
            var prices = seriesReader.ReadPrices(full, column).ToArray();
            if (prices.Length == 0)
            {
                fields.Problem("series", "the series has no values");
                return null;
            }

            var label = column is null ? seriesPath : $"{seriesPath} [{column}]";
            return PowerPrice.FromSeries(prices, new UsdPerMwh(adder), $"series {label}");
        }
        catch (InputException ex)
        {
            problems.AddRange(ex.Problems);
            fields.Problem("series", $"the series named in {file} has {ex.Problems.Count} problem(s), listed above");
            return null;
        }
    }

    private static MiningFleet ReadFleet(YamlFields? fields)
    {
        if (fields is null)
        {
            return new MiningFleet([], OfferDefaults.OverheadShare, OfferDefaults.Uptime, OfferDefaults.PoolFee);
        }

        var overhead = fields.Number("overhead_share", required: false, min: 0, max: 1) ?? OfferDefaults.OverheadShare;
        var uptime = fields.Number("uptime", required: false, min: 0, max: 1) ?? OfferDefaults.Uptime;
        var poolFee = fields.Number("pool_fee", required: false, min: 0, max: 0.5) ?? OfferDefaults.PoolFee;
        var units = new List<FleetUnit>();
        foreach (var miner in fields.Sequence("miners", required: true))
        {
            var unit = ReadMiner(miner);
            if (unit is not null)
            {
                units.Add(unit);
            }
        }

        fields.RejectUnknownKeys();
        return new MiningFleet(units, overhead, uptime, poolFee);
    }

    private static FleetUnit? ReadMiner(YamlFields fields)
    {
        var id = fields.String("model", required: true);
        var count = fields.Integer("count", required: true, min: 0, max: 10_000_000);
        fields.RejectUnknownKeys();
        if (id is null || count is null)
        {
            return null;
        }

        var model = AsicCatalog.Find(id);
        if (model is null)
        {
            fields.Problem("model", $"unknown ASIC model '{id}'; known: {string.Join(", ", AsicCatalog.All.Select(m => m.Id))}");
            return null;
        }

        return new FleetUnit(model, (int)count.Value);
    }

    private static AiDeployment? ReadDeployment(YamlFields fields, ColocationLease siteLease, GpuCloud siteCloud)
    {
        var name = fields.String("name", required: true);
        var mw = fields.Number("mw", required: true, min: 0);
        ColocationLease? lease = null;
        GpuCloud? cloud = null;
        if (fields.Has("lease") == fields.Has("gpu_cloud"))
        {
            fields.Problem(fields.Start, fields.Path, "give exactly one of 'lease' or 'gpu_cloud' terms");
        }
        else if (fields.Has("lease"))
        {
            lease = ReadLease(fields.Mapping("lease", required: true), siteLease);
        }
        else
        {
            cloud = ReadCloud(fields.Mapping("gpu_cloud", required: true), siteCloud);
        }

        fields.Allow("lease", "gpu_cloud");
        fields.RejectUnknownKeys();
        return name is null || mw is null ? null : new AiDeployment(name, new Megawatts(mw.Value), lease, cloud);
    }

    private static ColocationLease ReadLease(YamlFields? fields, ColocationLease basis)
    {
        if (fields is null)
        {
            return basis;
        }

        var rent = fields.Number("rent_usd_per_kw_month", required: false, min: 0, max: 10_000);
        var itShare = fields.Number("it_share", required: false, min: 0.01, max: 1);
        var pue = fields.Number("pue", required: false, min: 1, max: 5);
        if (itShare is not null && pue is not null)
        {
            fields.Problem("pue", "give 'it_share' or 'pue', not both");
        }

        var lease = basis with
        {
            RentPerKwMonth = rent is null ? basis.RentPerKwMonth : new UsdPerKilowattMonth(rent.Value),
            ItShareOfGross = itShare ?? (pue is null ? basis.ItShareOfGross : 1 / pue.Value),
            AnnualEscalator = fields.Number("escalator", required: false, min: -0.5, max: 0.5) ?? basis.AnnualEscalator,
            TermYears = (int)(fields.Integer("term_years", required: false, min: 1, max: 100) ?? basis.TermYears),
            NoiMargin = fields.Number("noi_margin", required: false, min: 0, max: 1) ?? basis.NoiMargin,
            CapexPerMwIt = Money(fields.Number("capex_usd_per_mw_it", required: false, min: 0), basis.CapexPerMwIt),
            DiscountRate = fields.Number("discount_rate", required: false, min: 0, max: 1) ?? basis.DiscountRate,
        };
        fields.RejectUnknownKeys();
        return lease;
    }

    private static GpuCloud ReadCloud(YamlFields? fields, GpuCloud basis)
    {
        if (fields is null)
        {
            return basis;
        }

        var cloud = basis with
        {
            PricePerGpuHour = fields.Number("usd_per_gpu_hour", required: false, min: 0, max: 1_000) ?? basis.PricePerGpuHour,
            GridKwPerGpu = fields.Number("grid_kw_per_gpu", required: false, min: 0.01, max: 100) ?? basis.GridKwPerGpu,
            Utilisation = fields.Number("utilisation", required: false, min: 0, max: 1) ?? basis.Utilisation,
            CapexPerGpu = Money(fields.Number("capex_usd_per_gpu", required: false, min: 0), basis.CapexPerGpu),
            UsefulLifeYears = fields.Number("useful_life_years", required: false, min: 0.5, max: 30) ?? basis.UsefulLifeYears,
            OpexShare = fields.Number("opex_share", required: false, min: 0, max: 1) ?? basis.OpexShare,
            FacilityCapexPerMwIt = Money(fields.Number("facility_capex_usd_per_mw_it", required: false, min: 0), basis.FacilityCapexPerMwIt),
            ItShareOfGross = fields.Number("it_share", required: false, min: 0.01, max: 1) ?? basis.ItShareOfGross,
            DiscountRate = fields.Number("discount_rate", required: false, min: 0, max: 1) ?? basis.DiscountRate,
        };
        fields.RejectUnknownKeys();
        return cloud;
    }

    private static Usd Money(double? value, Usd fallback) => value is null ? fallback : new Usd(value.Value);
}
