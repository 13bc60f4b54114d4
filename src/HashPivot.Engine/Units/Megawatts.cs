namespace HashPivot.Engine.Units;

/// <summary>Electrical power in megawatts (MW).</summary>
/// <param name="Value">The magnitude in MW.</param>
public readonly partial record struct Megawatts(double Value) : IComparable<Megawatts>
{
    /// <summary>Zero MW.</summary>
    public static Megawatts Zero => default;

    public static Megawatts operator +(Megawatts left, Megawatts right) => new(left.Value + right.Value);

    public static Megawatts operator -(Megawatts left, Megawatts right) => new(left.Value - right.Value);

    public static Megawatts operator -(Megawatts value) => new(-value.Value);

    public static Megawatts operator *(Megawatts value, double factor) => new(value.Value * factor);

    public static Megawatts operator *(double factor, Megawatts value) => new(value.Value * factor);

    public static Megawatts operator /(Megawatts value, double divisor) => new(value.Value / divisor);

    /// <summary>The dimensionless ratio of two MW quantities.</summary>
    public static double operator /(Megawatts left, Megawatts right) => left.Value / right.Value;

    public static bool operator <(Megawatts left, Megawatts right) => left.Value < right.Value;

    public static bool operator >(Megawatts left, Megawatts right) => left.Value > right.Value;

    public static bool operator <=(Megawatts left, Megawatts right) => left.Value <= right.Value;

    public static bool operator >=(Megawatts left, Megawatts right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(Megawatts other) => Value.CompareTo(other.Value);

    /// <summary>The value with its unit, for logs and messages.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value:G6} MW");
}
