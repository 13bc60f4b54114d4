namespace HashPivot.Engine.Units;

// Hashrate scales (TH/s, PH/s, EH/s) and the one physical product: hashrate × efficiency = power.

public readonly partial record struct TerahashPerSecond
{
    /// <summary>The same hashrate in PH/s.</summary>
    public PetahashPerSecond ToPetahash() => new(Value / 1e3);

    /// <summary>The same hashrate in EH/s.</summary>
    public ExahashPerSecond ToExahash() => new(Value / 1e6);

    /// <summary>The same hashrate in raw hashes per second.</summary>
    public double HashesPerSecond => Value * 1e12;

    /// <summary>Hashrate from raw hashes per second.</summary>
    public static TerahashPerSecond FromHashesPerSecond(double hashesPerSecond) => new(hashesPerSecond / 1e12);

    /// <summary>Power drawn by this hashrate at an efficiency: TH/s × J/TH = W.</summary>
    public static Watts operator *(TerahashPerSecond hashrate, JoulesPerTerahash efficiency) => new(hashrate.Value * efficiency.Value);

    /// <summary>Power drawn by this hashrate at an efficiency: J/TH × TH/s = W.</summary>
    public static Watts operator *(JoulesPerTerahash efficiency, TerahashPerSecond hashrate) => hashrate * efficiency;
}

public readonly partial record struct PetahashPerSecond
{
    /// <summary>The same hashrate in TH/s.</summary>
    public TerahashPerSecond ToTerahash() => new(Value * 1e3);

    /// <summary>The same hashrate in EH/s.</summary>
    public ExahashPerSecond ToExahash() => new(Value / 1e3);

    /// <summary>USD earned per day by this hashrate at a hashprice (USD/PH/day × PH/s).</summary>
    public Usd DailyRevenueUsd(UsdPerPetahashDay hashprice) => new(Value * hashprice.Value);
}

public readonly partial record struct ExahashPerSecond
{
    /// <summary>The same hashrate in TH/s.</summary>
    public TerahashPerSecond ToTerahash() => new(Value * 1e6);

    /// <summary>The same hashrate in PH/s.</summary>
    public PetahashPerSecond ToPetahash() => new(Value * 1e3);
}

public readonly partial record struct Watts
{
    /// <summary>Efficiency of a machine drawing this power at a hashrate: W ÷ TH/s = J/TH.</summary>
    public static JoulesPerTerahash operator /(Watts power, TerahashPerSecond hashrate) => new(power.Value / hashrate.Value);
}
