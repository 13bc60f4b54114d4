namespace HashPivot.Engine.Units;

/// <summary>Hashprice or hashcost in US dollars per PH/s per day (USD/PH/day).</summary>
/// <param name="Value">The magnitude in USD/PH/day.</param>
public readonly partial record struct UsdPerPetahashDay(double Value) : IComparable<UsdPerPetahashDay>
{
    /// <summary>Zero USD/PH/day.</summary>
    public static UsdPerPetahashDay Zero => default;

    public static UsdPerPetahashDay operator +(UsdPerPetahashDay left, UsdPerPetahashDay right) => new(left.Value + right.Value);

    public static UsdPerPetahashDay operator -(UsdPerPetahashDay left, UsdPerPetahashDay right) => new(left.Value - right.Value);

    public static UsdPerPetahashDay operator -(UsdPerPetahashDay value) => new(-value.Value);

    public static UsdPerPetahashDay operator *(UsdPerPetahashDay value, double factor) => new(value.Value * factor);

    public static UsdPerPetahashDay operator *(double factor, UsdPerPetahashDay value) => new(value.Value * factor);

    public static UsdPerPetahashDay operator /(UsdPerPetahashDay value, double divisor) => new(value.Value / divisor);

    /// <summary>The dimensionless ratio of two USD/PH/day quantities.</summary>
    public static double operator /(UsdPerPetahashDay left, UsdPerPetahashDay right) => left.Value / right.Value;

    public static bool operator <(UsdPerPetahashDay left, UsdPerPetahashDay right) => left.Value < right.Value;

    public static bool operator >(UsdPerPetahashDay left, UsdPerPetahashDay right) => left.Value > right.Value;

    public static bool operator <=(UsdPerPetahashDay left, UsdPerPetahashDay right) => left.Value <= right.Value;

    public static bool operator >=(UsdPerPetahashDay left, UsdPerPetahashDay right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(UsdPerPetahashDay other) => Value.CompareTo(other.Value);

    /// <summary>The value with its unit, for logs and messages.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value:G6} USD/PH/day");
}
