namespace HashPivot.Engine.Units;

/// <summary>Electrical power in watts (W); the unit ASIC nameplates use.</summary>
/// <param name="Value">The magnitude in W.</param>
public readonly partial record struct Watts(double Value) : IComparable<Watts>
{
    /// <summary>Zero W.</summary>
    public static Watts Zero => default;

    public static Watts operator +(Watts left, Watts right) => new(left.Value + right.Value);

    public static Watts operator -(Watts left, Watts right) => new(left.Value - right.Value);

    public static Watts operator -(Watts value) => new(-value.Value);

    public static Watts operator *(Watts value, double factor) => new(value.Value * factor);

    public static Watts operator *(double factor, Watts value) => new(value.Value * factor);

    public static Watts operator /(Watts value, double divisor) => new(value.Value / divisor);

    /// <summary>The dimensionless ratio of two W quantities.</summary>
    public static double operator /(Watts left, Watts right) => left.Value / right.Value;

    public static bool operator <(Watts left, Watts right) => left.Value < right.Value;

    public static bool operator >(Watts left, Watts right) => left.Value > right.Value;

    public static bool operator <=(Watts left, Watts right) => left.Value <= right.Value;

    public static bool operator >=(Watts left, Watts right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(Watts other) => Value.CompareTo(other.Value);

    /// <summary>The value with its unit, for logs and messages.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value:G6} W");
}
