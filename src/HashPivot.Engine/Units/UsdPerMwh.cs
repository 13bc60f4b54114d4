namespace HashPivot.Engine.Units;

/// <summary>An energy price in US dollars per megawatt-hour (USD/MWh).</summary>
/// <param name="Value">The magnitude in USD/MWh.</param>
public readonly partial record struct UsdPerMwh(double Value) : IComparable<UsdPerMwh>
{
    /// <summary>Zero USD/MWh.</summary>
    public static UsdPerMwh Zero => default;

    public static UsdPerMwh operator +(UsdPerMwh left, UsdPerMwh right) => new(left.Value + right.Value);

    public static UsdPerMwh operator -(UsdPerMwh left, UsdPerMwh right) => new(left.Value - right.Value);

    public static UsdPerMwh operator -(UsdPerMwh value) => new(-value.Value);

    public static UsdPerMwh operator *(UsdPerMwh value, double factor) => new(value.Value * factor);

    public static UsdPerMwh operator *(double factor, UsdPerMwh value) => new(value.Value * factor);

    public static UsdPerMwh operator /(UsdPerMwh value, double divisor) => new(value.Value / divisor);

    /// <summary>The dimensionless ratio of two USD/MWh quantities.</summary>
    public static double operator /(UsdPerMwh left, UsdPerMwh right) => left.Value / right.Value;

    public static bool operator <(UsdPerMwh left, UsdPerMwh right) => left.Value < right.Value;

    public static bool operator >(UsdPerMwh left, UsdPerMwh right) => left.Value > right.Value;

    public static bool operator <=(UsdPerMwh left, UsdPerMwh right) => left.Value <= right.Value;

    public static bool operator >=(UsdPerMwh left, UsdPerMwh right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(UsdPerMwh other) => Value.CompareTo(other.Value);

    /// <summary>The value with its unit, for logs and messages.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value:G6} USD/MWh");
}
