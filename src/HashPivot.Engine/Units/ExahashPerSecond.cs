namespace HashPivot.Engine.Units;

/// <summary>Hashrate in exahashes per second (EH/s = 1,000 PH/s = 1e6 TH/s).</summary>
/// <param name="Value">The magnitude in EH/s.</param>
public readonly partial record struct ExahashPerSecond(double Value) : IComparable<ExahashPerSecond>
{
    /// <summary>Zero EH/s.</summary>
    public static ExahashPerSecond Zero => default;

    public static ExahashPerSecond operator +(ExahashPerSecond left, ExahashPerSecond right) => new(left.Value + right.Value);

    public static ExahashPerSecond operator -(ExahashPerSecond left, ExahashPerSecond right) => new(left.Value - right.Value);

    public static ExahashPerSecond operator -(ExahashPerSecond value) => new(-value.Value);

    public static ExahashPerSecond operator *(ExahashPerSecond value, double factor) => new(value.Value * factor);

    public static ExahashPerSecond operator *(double factor, ExahashPerSecond value) => new(value.Value * factor);

    public static ExahashPerSecond operator /(ExahashPerSecond value, double divisor) => new(value.Value / divisor);

    /// <summary>The dimensionless ratio of two EH/s quantities.</summary>
    public static double operator /(ExahashPerSecond left, ExahashPerSecond right) => left.Value / right.Value;

    public static bool operator <(ExahashPerSecond left, ExahashPerSecond right) => left.Value < right.Value;

    public static bool operator >(ExahashPerSecond left, ExahashPerSecond right) => left.Value > right.Value;

    public static bool operator <=(ExahashPerSecond left, ExahashPerSecond right) => left.Value <= right.Value;

    public static bool operator >=(ExahashPerSecond left, ExahashPerSecond right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(ExahashPerSecond other) => Value.CompareTo(other.Value);

    /// <summary>The value with its unit, for logs and messages.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value:G6} EH/s");
}
