using HashPivot.Engine.Compute;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Compute;

public sealed class ContractTermsTests
{
    // domain.md §3.4 "Implied $/MW-yr → $/kW-mo (derived)" column; each row: value / (MW × years) / 12,000.
    // The table rounds to whole dollars, so ±1 USD/kW-month. Original sources per row as in the table:
    [Theory]
    // Core Scientific–CoreWeave (3 Jun 2024; forklog.com, whispertick.com): 3.5e9 / 2,400 = 1.458M ⇒ 121.5 ("$122")
    [InlineData(3.5e9, 200.0, 12.0, 122.0)]
    // TeraWulf–Fluidstack CB-3/4 (14 Aug 2025; blockspace.media): 3.7e9 / 2,000 = 1.85M ⇒ 154.2 ("$154")
    [InlineData(3.7e9, 200.0, 10.0, 154.0)]
    // Cipher–Fluidstack Barber Lake (25 Sep 2025; coincodex.com): 3.0e9 / 1,680 = 1.786M ⇒ 148.8 ("$149")
    [InlineData(3.0e9, 168.0, 10.0, 149.0)]
    // Hut 8–Fluidstack/Anthropic River Bend (17 Dec 2025; dcpulse.com): 7.0e9 / 3,675 = 1.905M ⇒ 158.7 ("$159")
    [InlineData(7.0e9, 245.0, 15.0, 159.0)]
    // Applied Digital–CoreWeave Polaris Forge 1 (29 Aug 2025; finanznachrichten.de): 11e9 / 6,000 = 1.833M ⇒ 152.8 ("$153")
    [InlineData(11e9, 400.0, 15.0, 153.0)]
    // Riot–AMD Rockdale (16 Jan 2026; stocktitan.net, SEC 8-K): 311e6 / 250 = 1.244M ⇒ 103.7 ("$104")
    [InlineData(311e6, 25.0, 10.0, 104.0)]
    // Cipher–AWS (3 Nov 2025; mexc.fm, parameter.io): 5.5e9 / 4,500 = 1.222M ⇒ 101.9 ("$102")
    [InlineData(5.5e9, 300.0, 15.0, 102.0)]
    // Applied Digital Polaris Forge 2 (22 Oct 2025; benzinga.com): 5e9 / 3,000 = 1.667M ⇒ 138.9 ("$139")
    [InlineData(5e9, 200.0, 15.0, 139.0)]
    public void Implied_PublishedLeaseDeal_MatchesPrimerKwMonth(double value, double megawatts, double years, double primerKwMonth)
    {
        var rate = ContractTerms.Implied(new Usd(value), new Megawatts(megawatts), years);
        Assert.InRange(rate.PerKwMonth.Value, primerKwMonth - 1, primerKwMonth + 1);

        // The two columns are the same rate: USD/MW-yr = USD/kW-mo × 1,000 kW × 12 months.
        Assert.Equal(rate.PerMwYear.Value, rate.PerKwMonth.Value * 12_000, 1e-6);
        Assert.Equal(value / (megawatts * years), rate.PerMwYear.Value, 1e-6);
    }

    [Fact]
    public void Implied_IrenMicrosoft_Is9Point7MillionPerMwYear()
    {
        // IREN–Microsoft (3 Nov 2025; sqmagazine.co.uk, benzinga.com; domain.md §3.5): 9.7e9 / (200 MW × 5 y)
        // = 9.7M per MW-IT-year (§3.5 "≈$9.7M per MW-IT-yr, derived"), i.e. 808.3 USD/kW-month.
        var rate = ContractTerms.Implied(new Usd(9.7e9), new Megawatts(200), 5);
        Assert.Equal(9.7e6, rate.PerMwYear.Value, 1e-3);
        Assert.Equal(808.333, rate.PerKwMonth.Value, 1e-3);
    }

    [Theory]
    [InlineData(0.0, 10.0)]
    [InlineData(-200.0, 10.0)]
    [InlineData(double.NaN, 10.0)]
    [InlineData(double.PositiveInfinity, 10.0)]
    public void Implied_NonPositiveCapacity_Throws(double megawatts, double years)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ContractTerms.Implied(new Usd(1e9), new Megawatts(megawatts), years));
        Assert.Equal("capacity", ex.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Implied_NonPositiveTerm_Throws(double years)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ContractTerms.Implied(new Usd(1e9), new Megawatts(200), years));
        Assert.Equal("termYears", ex.ParamName);
    }
}
