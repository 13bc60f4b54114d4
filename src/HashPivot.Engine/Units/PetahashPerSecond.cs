namespace HashPivot.Engine.Units;

/// <summary>Hashrate in petahashes per second (PH/s = 1,000 TH/s).</summary>
/// <param name="Value">The magnitude in PH/s.</param>
public readonly partial record struct PetahashPerSecond(double Value) : IComparable<PetahashPerSecond>
{
    /// <summary>Zero PH/s.</summary>
    public static PetahashPerSecond Zero => default;

    public static PetahashPerSecond operator +(PetahashPerSecond left, PetahashPerSecond right) => new(left.Value + right.Value);

    public static PetahashPerSecond operator -(PetahashPerSecond left, PetahashPerSecond right) => new(left.Value - right.Value);

    public static PetahashPerSecond operator -(PetahashPerSecond value) => new(-value.Value);

    public static PetahashPerSecond operator *(PetahashPerSecond value, double factor) => new(value.Value * factor);

    public static PetahashPerSecond operator *(double factor, PetahashPerSecond value) => new(value.Value * factor);

    public static PetahashPerSecond operator /(PetahashPerSecond value, double divisor) => new(value.Value / divisor);

    /// <summary>The dimensionless ratio of two PH/s quantities.</summary>
    public static double operator /(PetahashPerSecond left, PetahashPerSecond right) => left.Value / right.Value;

    public static bool operator <(PetahashPerSecond left, PetahashPerSecond right) => left.Value < right.Value;

    public static bool operator >(PetahashPerSecond left, PetahashPerSecond right) => left.Value > right.Value;

    public static bool operator <=(PetahashPerSecond left, PetahashPerSecond right) => left.Value <= right.Value;

    public static bool operator >=(PetahashPerSecond left, PetahashPerSecond right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(PetahashPerSecond other) => Value.CompareTo(other.Value);

    /// <summary>The value with its unit, for logs and messages.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value:G6} PH/s");
}
