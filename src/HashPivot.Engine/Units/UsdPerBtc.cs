namespace HashPivot.Engine.Units;

/// <summary>A Bitcoin price in US dollars per BTC.</summary>
/// <param name="Value">The magnitude in USD/BTC.</param>
public readonly partial record struct UsdPerBtc(double Value) : IComparable<UsdPerBtc>
{
    /// <summary>Zero USD/BTC.</summary>
    public static UsdPerBtc Zero => default;

    public static UsdPerBtc operator +(UsdPerBtc left, UsdPerBtc right) => new(left.Value + right.Value);

    public static UsdPerBtc operator -(UsdPerBtc left, UsdPerBtc right) => new(left.Value - right.Value);

    public static UsdPerBtc operator -(UsdPerBtc value) => new(-value.Value);

    public static UsdPerBtc operator *(UsdPerBtc value, double factor) => new(value.Value * factor);

    public static UsdPerBtc operator *(double factor, UsdPerBtc value) => new(value.Value * factor);

    public static UsdPerBtc operator /(UsdPerBtc value, double divisor) => new(value.Value / divisor);

    /// <summary>The dimensionless ratio of two USD/BTC quantities.</summary>
    public static double operator /(UsdPerBtc left, UsdPerBtc right) => left.Value / right.Value;

    public static bool operator <(UsdPerBtc left, UsdPerBtc right) => left.Value < right.Value;

    public static bool operator >(UsdPerBtc left, UsdPerBtc right) => left.Value > right.Value;

    public static bool operator <=(UsdPerBtc left, UsdPerBtc right) => left.Value <= right.Value;

    public static bool operator >=(UsdPerBtc left, UsdPerBtc right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(UsdPerBtc other) => Value.CompareTo(other.Value);

    /// <summary>The value with its unit, for logs and messages.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value:G6} USD/BTC");
}
