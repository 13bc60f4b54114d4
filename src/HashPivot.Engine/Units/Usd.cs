namespace HashPivot.Engine.Units;

/// <summary>An amount of money in US dollars (USD).</summary>
/// <param name="Value">The magnitude in USD.</param>
public readonly partial record struct Usd(double Value) : IComparable<Usd>
{
    /// <summary>Zero USD.</summary>
    public static Usd Zero => default;

    public static Usd operator +(Usd left, Usd right) => new(left.Value + right.Value);

    public static Usd operator -(Usd left, Usd right) => new(left.Value - right.Value);

    public static Usd operator -(Usd value) => new(-value.Value);

    public static Usd operator *(Usd value, double factor) => new(value.Value * factor);

    public static Usd operator *(double factor, Usd value) => new(value.Value * factor);

    public static Usd operator /(Usd value, double divisor) => new(value.Value / divisor);

    /// <summary>The dimensionless ratio of two USD quantities.</summary>
    public static double operator /(Usd left, Usd right) => left.Value / right.Value;

    public static bool operator <(Usd left, Usd right) => left.Value < right.Value;

    public static bool operator >(Usd left, Usd right) => left.Value > right.Value;

    public static bool operator <=(Usd left, Usd right) => left.Value <= right.Value;

    public static bool operator >=(Usd left, Usd right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(Usd other) => Value.CompareTo(other.Value);

    /// <summary>The value with its unit, for logs and messages.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value:G6} USD");
}
