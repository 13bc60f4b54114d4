namespace HashPivot.Engine.Units;

/// <summary>ASIC efficiency in joules per terahash (J/TH), numerically equal to W per TH/s.</summary>
/// <param name="Value">The magnitude in J/TH.</param>
public readonly partial record struct JoulesPerTerahash(double Value) : IComparable<JoulesPerTerahash>
{
    /// <summary>Zero J/TH.</summary>
    public static JoulesPerTerahash Zero => default;

    public static JoulesPerTerahash operator +(JoulesPerTerahash left, JoulesPerTerahash right) => new(left.Value + right.Value);

    public static JoulesPerTerahash operator -(JoulesPerTerahash left, JoulesPerTerahash right) => new(left.Value - right.Value);

    public static JoulesPerTerahash operator -(JoulesPerTerahash value) => new(-value.Value);

    public static JoulesPerTerahash operator *(JoulesPerTerahash value, double factor) => new(value.Value * factor);

    public static JoulesPerTerahash operator *(double factor, JoulesPerTerahash value) => new(value.Value * factor);

    public static JoulesPerTerahash operator /(JoulesPerTerahash value, double divisor) => new(value.Value / divisor);

    /// <summary>The dimensionless ratio of two J/TH quantities.</summary>
    public static double operator /(JoulesPerTerahash left, JoulesPerTerahash right) => left.Value / right.Value;

    public static bool operator <(JoulesPerTerahash left, JoulesPerTerahash right) => left.Value < right.Value;

    public static bool operator >(JoulesPerTerahash left, JoulesPerTerahash right) => left.Value > right.Value;

    public static bool operator <=(JoulesPerTerahash left, JoulesPerTerahash right) => left.Value <= right.Value;

    public static bool operator >=(JoulesPerTerahash left, JoulesPerTerahash right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(JoulesPerTerahash other) => Value.CompareTo(other.Value);

    /// <summary>The value with its unit, for logs and messages.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value:G6} J/TH");
}
