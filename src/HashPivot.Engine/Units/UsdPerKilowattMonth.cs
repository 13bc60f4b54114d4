namespace HashPivot.Engine.Units;

/// <summary>A data-centre lease rate in US dollars per kW of critical IT per month (USD/kW-month).</summary>
/// <param name="Value">The magnitude in USD/kW-month.</param>
public readonly partial record struct UsdPerKilowattMonth(double Value) : IComparable<UsdPerKilowattMonth>
{
    /// <summary>Zero USD/kW-month.</summary>
    public static UsdPerKilowattMonth Zero => default;

    public static UsdPerKilowattMonth operator +(UsdPerKilowattMonth left, UsdPerKilowattMonth right) => new(left.Value + right.Value);

    public static UsdPerKilowattMonth operator -(UsdPerKilowattMonth left, UsdPerKilowattMonth right) => new(left.Value - right.Value);

    public static UsdPerKilowattMonth operator -(UsdPerKilowattMonth value) => new(-value.Value);

    public static UsdPerKilowattMonth operator *(UsdPerKilowattMonth value, double factor) => new(value.Value * factor);

    public static UsdPerKilowattMonth operator *(double factor, UsdPerKilowattMonth value) => new(value.Value * factor);

    public static UsdPerKilowattMonth operator /(UsdPerKilowattMonth value, double divisor) => new(value.Value / divisor);

    /// <summary>The dimensionless ratio of two USD/kW-month quantities.</summary>
    public static double operator /(UsdPerKilowattMonth left, UsdPerKilowattMonth right) => left.Value / right.Value;

    public static bool operator <(UsdPerKilowattMonth left, UsdPerKilowattMonth right) => left.Value < right.Value;

    public static bool operator >(UsdPerKilowattMonth left, UsdPerKilowattMonth right) => left.Value > right.Value;

    public static bool operator <=(UsdPerKilowattMonth left, UsdPerKilowattMonth right) => left.Value <= right.Value;

    public static bool operator >=(UsdPerKilowattMonth left, UsdPerKilowattMonth right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(UsdPerKilowattMonth other) => Value.CompareTo(other.Value);

    /// <summary>The value with its unit, for logs and messages.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value:G6} USD/kW-month");
}
