namespace HashPivot.Engine.Units;

/// <summary>An amount of bitcoin held exactly in satoshis (1 BTC = 100,000,000 sat).</summary>
/// <param name="Satoshis">The amount in satoshis, the protocol's indivisible unit.</param>
public readonly record struct Btc(long Satoshis) : IComparable<Btc>
{
    /// <summary>Satoshis in one bitcoin.</summary>
    public const long SatoshisPerBtc = 100_000_000;

    /// <summary>Zero BTC.</summary>
    public static Btc Zero => default;

    /// <summary>The amount in BTC as a double (exact to the satoshi up to about 90 million BTC).</summary>
    public double Value => Satoshis / (double)SatoshisPerBtc;

    /// <summary>An amount from a BTC figure, rounded to the nearest satoshi.</summary>
    public static Btc FromBtc(double btc)
    {
        if (!double.IsFinite(btc))
        {
            throw new ArgumentOutOfRangeException(nameof(btc), btc, "A BTC amount must be finite.");
        }

        return new Btc(checked((long)Math.Round(btc * SatoshisPerBtc, MidpointRounding.AwayFromZero)));
    }

    public static Btc operator +(Btc left, Btc right) => new(checked(left.Satoshis + right.Satoshis));

    public static Btc operator -(Btc left, Btc right) => new(checked(left.Satoshis - right.Satoshis));

    /// <summary>Value of this amount at a price: BTC × USD/BTC = USD.</summary>
    public static Usd operator *(Btc amount, UsdPerBtc price) => new(amount.Value * price.Value);

    public static bool operator <(Btc left, Btc right) => left.Satoshis < right.Satoshis;

    public static bool operator >(Btc left, Btc right) => left.Satoshis > right.Satoshis;

    public static bool operator <=(Btc left, Btc right) => left.Satoshis <= right.Satoshis;

    public static bool operator >=(Btc left, Btc right) => left.Satoshis >= right.Satoshis;

    /// <inheritdoc />
    public int CompareTo(Btc other) => Satoshis.CompareTo(other.Satoshis);

    /// <summary>The amount with eight decimals and its unit.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value:0.00000000} BTC");
}
