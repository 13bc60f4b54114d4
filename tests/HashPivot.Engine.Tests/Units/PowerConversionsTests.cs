using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Units;

public sealed class PowerConversionsTests
{
    // Dimensional identities checked by hand: MW × h = MWh, MWh × USD/MWh = USD, 1 MW = 1e6 W = 1e3 kW.
    [Theory]
    [InlineData(2.0, 90.0, 3.0)] // 2 MW × 1.5 h = 3 MWh
    [InlineData(1.0, 60.0 * 24 * 365, 8_760.0)] // 1 MW for a 365-day year = 8,760 MWh
    [InlineData(0.0, 60.0, 0.0)]
    public void MultiplyByTimeSpan_MegawattsTimesDuration_GivesMegawattHours(double megawatts, double minutes, double expectedMwh)
    {
        var duration = TimeSpan.FromMinutes(minutes);
        Assert.Equal(expectedMwh, (new Megawatts(megawatts) * duration).Value, 1e-9);
        Assert.Equal(expectedMwh, (duration * new Megawatts(megawatts)).Value, 1e-9);
    }

    [Fact]
    public void DivideByTimeSpan_MegawattHours_GivesAveragePower()
    {
        // 3 MWh over 1.5 h = 2 MW.
        Assert.Equal(2.0, (new MegawattHours(3) / TimeSpan.FromMinutes(90)).Value, 1e-12);
    }

    [Fact]
    public void MultiplyByPrice_MegawattHoursTimesUsdPerMwh_GivesUsd()
    {
        // 8,760 MWh × 45 USD/MWh = 394,200 USD (a 1 MW year at the §1.1 hashcost example price).
        var energy = new MegawattHours(8_760);
        var price = new UsdPerMwh(45);
        Assert.Equal(394_200, (energy * price).Value, 1e-6);
        Assert.Equal(394_200, (price * energy).Value, 1e-6);
    }

    [Fact]
    public void DivideUsdByEnergy_GivesAveragePrice()
    {
        Assert.Equal(45, (new Usd(394_200) / new MegawattHours(8_760)).Value, 1e-9);
    }

    [Theory]
    [InlineData(3_500.0, 0.0035)] // one S21 at ~3,500 W (domain.md §2.1)
    [InlineData(1_000_000.0, 1.0)]
    public void ToMegawatts_Watts_DividesByOneMillion(double watts, double expectedMw)
    {
        Assert.Equal(expectedMw, new Watts(watts).ToMegawatts().Value, 1e-12);
        Assert.Equal(watts, new Megawatts(expectedMw).ToWatts().Value, 1e-6);
    }

    [Fact]
    public void Kilowatts_RoundTrip_ThousandPerMegawatt()
    {
        Assert.Equal(2.5, Megawatts.FromKilowatts(2_500).Value, 1e-12);
        Assert.Equal(2_500, new Megawatts(2.5).Kilowatts, 1e-9);
    }

    [Theory]
    [InlineData(3.2, 32.0)] // Riot Q3 2025 3.2 ¢/kWh = 32 USD/MWh (domain.md §2.2)
    [InlineData(8.1, 81.0)] // TeraWulf Q1 2025 $0.081/kWh (domain.md §2.2)
    public void FromCentsPerKilowattHour_Cents_TimesTen(double cents, double expectedUsdPerMwh)
    {
        Assert.Equal(expectedUsdPerMwh, UsdPerMwh.FromCentsPerKilowattHour(cents).Value, 1e-9);
    }

    [Fact]
    public void Millions_Usd_DividesByOneMillion()
    {
        Assert.Equal(1.35, new Usd(1_350_000).Millions, 1e-12);
    }
}
