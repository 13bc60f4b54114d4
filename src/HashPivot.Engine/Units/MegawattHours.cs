namespace HashPivot.Engine.Units;

/// <summary>Electrical energy in megawatt-hours (MWh).</summary>
/// <param name="Value">The magnitude in MWh.</param>
public readonly partial record struct MegawattHours(double Value) : IComparable<MegawattHours>
{
    /// <summary>Zero MWh.</summary>
    public static MegawattHours Zero => default;

    public static MegawattHours operator +(MegawattHours left, MegawattHours right) => new(left.Value + right.Value);

    public static MegawattHours operator -(MegawattHours left, MegawattHours right) => new(left.Value - right.Value);

    public static MegawattHours operator -(MegawattHours value) => new(-value.Value);

    public static MegawattHours operator *(MegawattHours value, double factor) => new(value.Value * factor);

    public static MegawattHours operator *(double factor, MegawattHours value) => new(value.Value * factor);

    public static MegawattHours operator /(MegawattHours value, double divisor) => new(value.Value / divisor);

    /// <summary>The dimensionless ratio of two MWh quantities.</summary>
    public static double operator /(MegawattHours left, MegawattHours right) => left.Value / right.Value;

    public static bool operator <(MegawattHours left, MegawattHours right) => left.Value < right.Value;

    public static bool operator >(MegawattHours left, MegawattHours right) => left.Value > right.Value;

    public static bool operator <=(MegawattHours left, MegawattHours right) => left.Value <= right.Value;

    public static bool operator >=(MegawattHours left, MegawattHours right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(MegawattHours other) => Value.CompareTo(other.Value);

    /// <summary>The value with its unit, for logs and messages.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value:G6} MWh");
}
