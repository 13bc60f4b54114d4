using System.Runtime.InteropServices;
using System.Security.Cryptography;
using HashPivot.Engine.Valuation;

namespace HashPivot.Cluster.Wire;

/// <summary>
/// Binary form of the valuation's engine types for crossing silo boundaries: the request (sites, power libraries, models),
/// a block of paths and a merged result. Every double travels as its 8 bytes, so a decoded request values bit for bit as the original.
/// </summary>
public static class ValuationWire
{
    private const int RequestVersion = 1;
    private const int BlockVersion = 1;
    private const int ResultVersion = 1;

    static ValuationWire()
    {
        // Raw array copies assume both ends are little-endian (x64 and ARM64 are); refuse rather than misread on anything else.
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("the valuation wire format is little-endian");
        }
    }

    /// <summary>The request as bytes.</summary>
    public static byte[] EncodeRequest(ValuationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(RequestVersion);
            w.Write(request.BtcPriceUsd);
            w.Write(request.NetworkHashratePhS);
            w.Write(request.Height);
            w.Write(request.StartCalendarMonth);
            w.Write(request.Price.DriftPerYear);
            w.Write(request.Price.VolatilityPerYear);
            var n = request.Network;
            w.Write(n.MarginalJPerTh);
            w.Write(n.EfficiencyGainPerYear);
            w.Write(n.MarginalPowerUsdPerMwh);
            w.Write(n.ResponsePerMonth);
            w.Write(n.LagMonths);
            w.Write(n.MaxGrowthPerMonth);
            w.Write(n.MaxDeclinePerMonth);
            w.Write(n.FeeShareOfSubsidy);
            var f = request.Financing;
            w.Write(f.DiscountRatePerYear);
            w.Write(f.DebtShareOfCapex);
            w.Write(f.DebtRatePerYear);
            w.Write(f.DebtTenorYears);
            w.Write(f.TaxRate);
            w.Write(f.TerminalMultiple);
            w.Write(request.Years);
            w.Write(request.HybridLeaseShare);
            w.Write(request.Seed);
            w.Write(request.Sites.Count);
            foreach (var site in request.Sites)
            {
                WriteSite(w, site);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The request <see cref="EncodeRequest"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an encoded request of this version.</exception>
    public static ValuationRequest DecodeRequest(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
        Expect(r, RequestVersion, "request");
        var btc = r.ReadDouble();
        var hashrate = r.ReadDouble();
        var height = r.ReadInt64();
        var startMonth = r.ReadInt32();
        var price = new LogPriceModel(r.ReadDouble(), r.ReadDouble());
        var network = new NetworkResponse(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        var financing = new Financing(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        var years = r.ReadInt32();
        var hybrid = r.ReadDouble();
        var seed = r.ReadInt64();
        var sites = new ValuationSite[Count(r, 1_000_000)];
        for (var i = 0; i < sites.Length; i++)
        {
            sites[i] = ReadSite(r);
        }

        return new ValuationRequest(btc, hashrate, height, startMonth, price, network, sites, financing, years, hybrid, seed);
    }

    /// <summary>A short content key of an encoded request (hex SHA-256, 16 bytes), for caching it on a silo.</summary>
    public static string Key(byte[] encodedRequest) => Convert.ToHexString(SHA256.HashData(encodedRequest), 0, 16);

    /// <summary>A block of paths as bytes.</summary>
    public static byte[] EncodeBlock(ValuationBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        using var stream = new MemoryStream(64 + (8 * (block.NpvUsd.Length + block.HashpriceUsdPerPhDay.Length)) + (16 * block.MiningCashFixedSum.Length));
        using (var w = new BinaryWriter(stream))
        {
            w.Write(BlockVersion);
            w.Write(block.FirstPath);
            w.Write(block.PathCount);
            w.Write(block.Sites);
            w.Write(block.Strategies);
            w.Write(block.Months);
            WriteDoubles(w, block.NpvUsd);
            WriteDoubles(w, block.HashpriceUsdPerPhDay);
            w.Write(block.MiningCashFixedSum.Length);
            w.Write(MemoryMarshal.AsBytes(block.MiningCashFixedSum.AsSpan()));
        }

        return stream.ToArray();
    }

    /// <summary>The block <see cref="EncodeBlock"/> wrote.</summary>
    public static ValuationBlock DecodeBlock(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
        Expect(r, BlockVersion, "block");
        var first = r.ReadInt32();
        var count = r.ReadInt32();
        var sites = r.ReadInt32();
        var strategies = r.ReadInt32();
        var months = r.ReadInt32();
        var npv = ReadDoubles(r);
        var hashprice = ReadDoubles(r);
        var mining = new Int128[Count(r, int.MaxValue / 16)];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(mining.AsSpan()));

        return new ValuationBlock(first, count, sites, strategies, months, npv, hashprice, mining);
    }

    /// <summary>A merged result as bytes (the per-path NPVs, site valuations, portfolio NPV per path and hashprice bands).</summary>
    public static byte[] EncodeResult(ValuationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream((8 * ((long)result.Paths * (result.NpvBySiteStrategy.Length + 1))) + (8L * result.HashpriceBands.Sum(b => b.Length)) + (1 << 16) is var size && size < int.MaxValue ? (int)size : 0);
        using (var w = new BinaryWriter(stream))
        {
            w.Write(ResultVersion);
            w.Write(result.Paths);
            w.Write(result.NpvBySiteStrategy.Length);
            foreach (var x in result.NpvBySiteStrategy)
            {
                WriteDoubles(w, x);
            }

            WriteDoubles(w, result.PortfolioNpvUsd);
            w.Write(result.HashpriceBands.Length);
            foreach (var x in result.HashpriceBands)
            {
                WriteDoubles(w, x);
            }

            w.Write(result.Sites.Count);
            foreach (var s in result.Sites)
            {
                w.Write(s.Site);
                w.Write(s.Strategies.Count);
                foreach (var v in s.Strategies)
                {
                    WriteStrategy(w, v.Strategy);
                    w.Write(v.Npv.P5Usd);
                    w.Write(v.Npv.P50Usd);
                    w.Write(v.Npv.P95Usd);
                    w.Write(v.Npv.MeanUsd);
                }

                WriteStrategy(w, s.Best);
                WriteStrategy(w, s.BestConversion);
                w.Write(s.ProbConvertBeatsMining);
                w.Write(s.ConversionIrr.HasValue);
                w.Write(s.ConversionIrr ?? 0);
                w.Write(s.ConversionPaybackMonths.HasValue);
                w.Write(s.ConversionPaybackMonths ?? 0);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The result <see cref="EncodeResult"/> wrote, attached to its <paramref name="request"/>.</summary>
    public static ValuationResult DecodeResult(ValuationRequest request, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
        Expect(r, ResultVersion, "result");
        var paths = r.ReadInt32();
        var npv = new double[Count(r, int.MaxValue)][];
        for (var i = 0; i < npv.Length; i++)
        {
            npv[i] = ReadDoubles(r);
        }

        var portfolio = ReadDoubles(r);
        var bands = new double[Count(r, 100)][];
        for (var i = 0; i < bands.Length; i++)
        {
            bands[i] = ReadDoubles(r);
        }

        var sites = new SiteValuation[Count(r, 1_000_000)];
        for (var i = 0; i < sites.Length; i++)
        {
            var name = r.ReadString();
            var values = new StrategyValue[Count(r, 10_000)];
            for (var k = 0; k < values.Length; k++)
            {
                values[k] = new StrategyValue(ReadStrategy(r), new NpvSummary(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble()));
            }

            var best = ReadStrategy(r);
            var conversion = ReadStrategy(r);
            var beats = r.ReadDouble();
            var hasIrr = r.ReadBoolean();
            var irr = r.ReadDouble();
            var hasPayback = r.ReadBoolean();
            var payback = r.ReadInt32();
            sites[i] = new SiteValuation(name, values, best, conversion, beats, hasIrr ? irr : null, hasPayback ? payback : null);
        }

        return ValuationResult.FromParts(request, paths, npv, sites, portfolio, bands);
    }

    private static void WriteSite(BinaryWriter w, ValuationSite site)
    {
        w.Write(site.Name);
        w.Write(site.MiningMw);
        w.Write(site.MiningJPerTh);
        w.Write(site.ConvertibleMw);
        w.Write(site.PowerScale);
        WriteTerms(w, site.Lease);
        WriteTerms(w, site.Cloud);
        var parts = site.Power.ToParts();
        w.Write(parts.MeanUsdPerMwh);
        w.Write(parts.HoursPerFlatMonth);
        w.Write(parts.SortedPricesUsdPerMwh.Count);
        foreach (var block in parts.SortedPricesUsdPerMwh)
        {
            WriteDoubles(w, block);
        }

        w.Write(parts.BlocksByCalendarMonth.Count);
        foreach (var month in parts.BlocksByCalendarMonth)
        {
            w.Write(month.Length);
            foreach (var b in month)
            {
                w.Write(b);
            }
        }
    }

    private static ValuationSite ReadSite(BinaryReader r)
    {
        var name = r.ReadString();
        var miningMw = r.ReadDouble();
        var jth = r.ReadDouble();
        var convertible = r.ReadDouble();
        var scale = r.ReadDouble();
        var lease = ReadTerms(r);
        var cloud = ReadTerms(r);
        var mean = r.ReadDouble();
        var flatHours = r.ReadDouble();
        var blocks = new double[Count(r, 100_000)][];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = ReadDoubles(r);
        }

        var byMonth = new int[Count(r, 12)][];
        for (var m = 0; m < byMonth.Length; m++)
        {
            byMonth[m] = new int[Count(r, 100_000)];
            for (var i = 0; i < byMonth[m].Length; i++)
            {
                byMonth[m][i] = r.ReadInt32();
            }
        }

        var power = PowerMonthLibrary.FromParts(new PowerMonthLibraryParts(blocks, byMonth, mean, flatHours));
        return new ValuationSite(name, miningMw, jth, convertible, power, scale, lease, cloud);
    }

    private static void WriteTerms(BinaryWriter w, ConversionTerms t)
    {
        w.Write(t.RevenueUsdPerMwYear);
        w.Write(t.VariableCostShare);
        w.Write(t.FixedCostUsdPerMwYear);
        w.Write(t.ContractEscalatorPerYear);
        w.Write(t.MarketPriceChangePerYear);
        w.Write(t.CapexUsdPerMw);
        w.Write(t.BuildMonths);
        w.Write(t.RefreshCapexUsdPerMw);
        w.Write(t.RefreshYears);
        w.Write(t.DepreciationYears);
    }

    private static ConversionTerms ReadTerms(BinaryReader r) =>
        new(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());

    private static void WriteStrategy(BinaryWriter w, Strategy s)
    {
        w.Write((int)s.Kind);
        w.Write(s.Year);
    }

    private static Strategy ReadStrategy(BinaryReader r) => new((StrategyKind)r.ReadInt32(), r.ReadInt32());

    // Arrays travel as their raw little-endian bytes in one copy (the cluster moves hundreds of MB of per-path NPVs).
    private static void WriteDoubles(BinaryWriter w, double[] values)
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static double[] ReadDoubles(BinaryReader r)
    {
        var values = new double[Count(r, int.MaxValue / 8)];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static int Count(BinaryReader r, int max)
    {
        var n = r.ReadInt32();
        return n < 0 || n > max ? throw new InvalidDataException($"a count of {n} is outside 0..{max}") : n;
    }

    private static void Expect(BinaryReader r, int version, string what)
    {
        var v = r.ReadInt32();
        if (v != version)
        {
            throw new InvalidDataException($"encoded {what} version {v}, expected {version}");
        }
    }
}
