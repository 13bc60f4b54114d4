namespace HashPivot.Engine.Units;

// Cross-unit arithmetic for power and energy. Only products with a physical meaning exist:
// power × duration is energy, energy × price is money.

public readonly partial record struct Watts
{
    /// <summary>The same power in MW.</summary>
    public Megawatts ToMegawatts() => new(Value / 1e6);
}

public readonly partial record struct Megawatts
{
    /// <summary>Power from kilowatts.</summary>
    public static Megawatts FromKilowatts(double kilowatts) => new(kilowatts / 1e3);

    /// <summary>The same power in kW.</summary>
    public double Kilowatts => Value * 1e3;

    /// <summary>The same power in W.</summary>
    public Watts ToWatts() => new(Value * 1e6);

    /// <summary>Energy delivered by this power held for a duration: MW × h = MWh.</summary>
    public static MegawattHours operator *(Megawatts power, TimeSpan duration) => new(power.Value * duration.TotalHours);

    /// <summary>Energy delivered by this power held for a duration: h × MW = MWh.</summary>
    public static MegawattHours operator *(TimeSpan duration, Megawatts power) => power * duration;
}

public readonly partial record struct MegawattHours
{
    /// <summary>Average power over a duration: MWh ÷ h = MW.</summary>
    public static Megawatts operator /(MegawattHours energy, TimeSpan duration) => new(energy.Value / duration.TotalHours);

    /// <summary>Cost or revenue of energy at a price: MWh × USD/MWh = USD.</summary>
    public static Usd operator *(MegawattHours energy, UsdPerMwh price) => new(energy.Value * price.Value);

    /// <summary>Cost or revenue of energy at a price: USD/MWh × MWh = USD.</summary>
    public static Usd operator *(UsdPerMwh price, MegawattHours energy) => energy * price;
}

public readonly partial record struct Usd
{
    /// <summary>Average price of an amount of energy: USD ÷ MWh = USD/MWh.</summary>
    public static UsdPerMwh operator /(Usd money, MegawattHours energy) => new(money.Value / energy.Value);

    /// <summary>Millions of USD, for reports.</summary>
    public double Millions => Value / 1e6;
}

public readonly partial record struct UsdPerMwh
{
    /// <summary>Price from US cents per kWh (1 ¢/kWh = 10 USD/MWh).</summary>
    public static UsdPerMwh FromCentsPerKilowattHour(double centsPerKwh) => new(centsPerKwh * 10);
}
