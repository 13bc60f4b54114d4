using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HashPivot.Engine.Valuation;

/// <summary>
/// Values one site over a block of paths: the mining cash flow per MW (USD) of every path and month, its fixed-point sum per month, and
/// every strategy's NPV (USD) per path. Month by month across paths first (one power month at a time stays in cache), then four paths a
/// vector through the discounting; each lane does the scalar operations in the scalar order, so a path's numbers do not depend on its
/// neighbours or on how the paths were split into blocks.
/// </summary>
internal sealed class SiteBlockValuation : IDisposable
{
    private const int Lanes = 4;

    // 1.5·2⁵²: adding it rounds a double of magnitude below 2⁵¹ to the nearest integer, ties to even (as Math.Round), into the low mantissa bits.
    private const double RoundingMagic = 6755399441055744.0;
    private const double FixedLimit = 2251799813685248.0; // 2⁵¹ fixed-point units (1.3·10⁸ USD): beyond it a value takes the scalar path
    private const int FlushGroups = 2048; // 2048 groups × 4 lanes of values below 2⁵¹ cannot overflow a long (2⁶³)

    private readonly int _months;
    private readonly int _paths;
    private readonly int _lanes;
    private readonly double[] _mined; // [lane]: one month's after-tax mining cash per MW, lanes = paths rounded up to a multiple of 4
    private readonly double[] _discounted; // [lane]: Σ mined × discount factor over the months so far
    private readonly double[] _lastYear; // [lane]: Σ mined over the horizon's last twelve months
    private readonly double[] _before; // [year][lane]: mining MW × the discounted sum before the year's first month
    private readonly double[] _discountFactor; // the factor of month m, (1 + r)^-(m+1) by repeated multiplication as the scalar loop did

    /// <summary>Scratch for a block of <paramref name="paths"/> paths of <paramref name="months"/> months at <paramref name="monthlyFactor"/> per month.</summary>
    public SiteBlockValuation(int months, int paths, double monthlyFactor)
    {
        _months = months;
        _paths = paths;
        _lanes = LanesFor(paths);
        _mined = ArrayPool<double>.Shared.Rent(_lanes); // scratch, each written before it is read
        _discounted = ArrayPool<double>.Shared.Rent(_lanes);
        _lastYear = ArrayPool<double>.Shared.Rent(_lanes);
        _before = ArrayPool<double>.Shared.Rent(Math.Max(1, months / 12) * _lanes); // a request's horizon is whole years
        _discountFactor = new double[months];
        var d = 1.0;
        for (var m = 0; m < months; m++)
        {
            d *= monthlyFactor;
            _discountFactor[m] = d;
        }
    }

    /// <summary>Returns the scratch to the shared pool.</summary>
    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(_mined);
        ArrayPool<double>.Shared.Return(_discounted);
        ArrayPool<double>.Shared.Return(_lastYear);
        ArrayPool<double>.Shared.Return(_before);
    }

    /// <summary>Paths rounded up to whole vectors: the row length of month-major path arrays.</summary>
    public static int LanesFor(int paths) => (paths + Lanes - 1) / Lanes * Lanes;

    /// <summary>
    /// Values site <paramref name="s"/>: <paramref name="hashprice"/> and <paramref name="draws"/> are month-major ([month][lane]);
    /// adds the month's fixed-point mining cash over the paths to <paramref name="miningSums"/> and writes NPVs laid out [strategy][path]
    /// with row length <paramref name="npvStride"/>.
    /// </summary>
    public void Value(ValuationRequest request, ConversionPlan plan, int s, ReadOnlySpan<double> hashprice, ReadOnlySpan<double> draws,
        ReadOnlySpan<int> calendarMonths, Span<Int128> miningSums, Span<double> npv, int npvStride)
    {
        var site = request.Sites[s];
        var tax = request.Financing.TaxRate;
        var toRevenue = 1000 / (site.MiningJPerTh * 24); // USD/MWh per USD/PH/day: 1 MW at e J/TH hashes 1,000/e PH/s
        var miningMw = Vector256.Create(site.MiningMw);
        var row = _mined.AsSpan(0, _lanes);
        _discounted.AsSpan(0, _lanes).Clear();
        _lastYear.AsSpan(0, _lanes).Clear();
        for (var m = 0; m < _months; m++)
        {
            site.Power.MarginsOfMonthPerMwUsd(calendarMonths[m], hashprice.Slice(m * _lanes, _lanes), toRevenue, draws.Slice(m * _lanes, _lanes), site.PowerScale, row);
            AfterTax(row, tax);
            miningSums[m] += FixedSum(row[.._paths]);

            // The discounting while the month is in cache, each lane summing its months in order as the scalar loop did: the
            // discounted sum before each year's first month, the whole sum, and the last twelve months undiscounted.
            if (m % 12 == 0)
            {
                Snapshot(miningMw, _before.AsSpan((m / 12) * _lanes, _lanes));
            }

            Accumulate(row, Vector256.Create(_discountFactor[m]), m >= _months - 12);
        }

        for (var p = 0; p < _lanes; p += Lanes)
        {
            WriteNpvs(request, plan, s, p, npv, npvStride);
        }
    }

    private void Snapshot(Vector256<double> miningMw, Span<double> before)
    {
        for (var p = 0; p < _lanes; p += Lanes)
        {
            (miningMw * Vector256.Create((ReadOnlySpan<double>)_discounted.AsSpan(p, Lanes))).CopyTo(before.Slice(p, Lanes));
        }
    }

    private void Accumulate(ReadOnlySpan<double> row, Vector256<double> factor, bool lastYear)
    {
        for (var p = 0; p < _lanes; p += Lanes)
        {
            var mined = Vector256.Create(row.Slice(p, Lanes));
            (Vector256.Create((ReadOnlySpan<double>)_discounted.AsSpan(p, Lanes)) + (mined * factor)).CopyTo(_discounted.AsSpan(p, Lanes));
            if (lastYear)
            {
                (Vector256.Create((ReadOnlySpan<double>)_lastYear.AsSpan(p, Lanes)) + mined).CopyTo(_lastYear.AsSpan(p, Lanes));
            }
        }
    }

    // mined = margin − tax · max(0, margin), lane by lane.
    private static void AfterTax(Span<double> row, double tax)
    {
        var t = Vector256.Create(tax);
        for (var p = 0; p < row.Length; p += Lanes)
        {
            var margin = Vector256.Create((ReadOnlySpan<double>)row.Slice(p, Lanes));
            (margin - (t * Vector256.Max(Vector256<double>.Zero, margin))).CopyTo(row.Slice(p, Lanes));
        }
    }

    // Σ ToFixed(value) over the values: whole vectors through the rounding trick while every lane is below 2⁵¹ units, otherwise as ToFixed.
    internal static Int128 FixedSum(ReadOnlySpan<double> values)
    {
        Int128 total = 0;
        var sum = Vector256<long>.Zero;
        var units = Vector256.Create(ValuationBlock.FixedUnitsPerUsd);
        var magic = Vector256.Create(RoundingMagic);
        var limit = Vector256.Create(FixedLimit);
        var magicBits = Vector256.Create(BitConverter.DoubleToInt64Bits(RoundingMagic));
        var groups = 0;
        var p = 0;
        for (; p + Lanes <= values.Length; p += Lanes)
        {
            var scaled = Vector256.Create(values.Slice(p, Lanes)) * units;
            if (Vector256.LessThanAll(Vector256.Abs(scaled), limit))
            {
                sum += (scaled + magic).AsInt64() - magicBits;
                if (++groups == FlushGroups)
                {
                    total += Total(sum);
                    sum = Vector256<long>.Zero;
                    groups = 0;
                }
            }
            else
            {
                for (var i = p; i < p + Lanes; i++)
                {
                    total += ValuationBlock.ToFixed(values[i]);
                }
            }
        }

        total += Total(sum);
        for (; p < values.Length; p++)
        {
            total += ValuationBlock.ToFixed(values[p]);
        }

        return total;
    }

    private static Int128 Total(Vector256<long> sum) => (Int128)sum.GetElement(0) + sum.GetElement(1) + sum.GetElement(2) + sum.GetElement(3);

    // Discounting and every strategy's NPV for lanes [p, p + 4): the scalar formulas, four paths at once.
    private void WriteNpvs(ValuationRequest request, ConversionPlan plan, int s, int p, Span<double> npv, int stride)
    {
        var site = request.Sites[s];
        var years = request.Years;
        var miningMw = Vector256.Create(site.MiningMw);
        var discounted = Vector256.Create((ReadOnlySpan<double>)_discounted.AsSpan(p, Lanes));
        var lastYear = Vector256.Create((ReadOnlySpan<double>)_lastYear.AsSpan(p, Lanes));
        var mineTerminal = Vector256.Create(request.Financing.TerminalMultiple) * Vector256.Max(Vector256<double>.Zero, lastYear) * Vector256.Create(plan.HorizonFactor);
        var mine = miningMw * (discounted + mineTerminal);
        Store(mine, npv, 0, stride, p);
        var share = Vector256.Create(request.HybridLeaseShare);
        var rest = Vector256.Create(1 - request.HybridLeaseShare);
        for (var y = 0; y < years; y++)
        {
            var before = Vector256.Create((ReadOnlySpan<double>)_before.AsSpan((y * _lanes) + p, Lanes));
            var lease = before + Vector256.Create(site.ConvertibleMw * plan.LeasePv[s][y]);
            var cloud = before + Vector256.Create(site.ConvertibleMw * plan.CloudPv[s][y]);
            Store(lease, npv, Strategy.IndexOf(StrategyKind.Lease, y, years), stride, p);
            Store(cloud, npv, Strategy.IndexOf(StrategyKind.Cloud, y, years), stride, p);
            Store((share * lease) + (rest * mine), npv, Strategy.IndexOf(StrategyKind.Hybrid, y, years), stride, p);
        }
    }

    // Lanes beyond the block's paths are padding: only the real ones are written.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Store(Vector256<double> value, Span<double> npv, int strategy, int stride, int p)
    {
        var target = npv.Slice((strategy * stride) + p);
        if (p + Lanes <= _paths)
        {
            value.CopyTo(target);
        }
        else
        {
            for (var i = 0; i < _paths - p; i++)
            {
                target[i] = value.GetElement(i);
            }
        }
    }
}
