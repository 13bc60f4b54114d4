namespace HashPivot.Engine.Units;

/// <summary>Hashrate in terahashes per second (TH/s, 1e12 SHA-256d hashes per second).</summary>
/// <param name="Value">The magnitude in TH/s.</param>
public readonly partial record struct TerahashPerSecond(double Value) : IComparable<TerahashPerSecond>
{
    /// <summary>Zero TH/s.</summary>
    public static TerahashPerSecond Zero => default;

    public static TerahashPerSecond operator +(TerahashPerSecond left, TerahashPerSecond right) => new(left.Value + right.Value);

    public static TerahashPerSecond operator -(TerahashPerSecond left, TerahashPerSecond right) => new(left.Value - right.Value);

    public static TerahashPerSecond operator -(TerahashPerSecond value) => new(-value.Value);

    public static TerahashPerSecond operator *(TerahashPerSecond value, double factor) => new(value.Value * factor);

    public static TerahashPerSecond operator *(double factor, TerahashPerSecond value) => new(value.Value * factor);

    public static TerahashPerSecond operator /(TerahashPerSecond value, double divisor) => new(value.Value / divisor);

    /// <summary>The dimensionless ratio of two TH/s quantities.</summary>
    public static double operator /(TerahashPerSecond left, TerahashPerSecond right) => left.Value / right.Value;

    public static bool operator <(TerahashPerSecond left, TerahashPerSecond right) => left.Value < right.Value;

    public static bool operator >(TerahashPerSecond left, TerahashPerSecond right) => left.Value > right.Value;

    public static bool operator <=(TerahashPerSecond left, TerahashPerSecond right) => left.Value <= right.Value;

    public static bool operator >=(TerahashPerSecond left, TerahashPerSecond right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(TerahashPerSecond other) => Value.CompareTo(other.Value);

    /// <summary>The value with its unit, for logs and messages.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value:G6} TH/s");
}
