namespace HashPivot.Engine.Bitcoin;

/// <summary>Consensus constants of the Bitcoin protocol that the economics depend on (domain.md §1.1–1.2).</summary>
public static class BitcoinProtocol
{
    /// <summary>Blocks between subsidy halvings.</summary>
    public const long HalvingIntervalBlocks = 210_000;

    /// <summary>Halvings after which the subsidy is zero (a right shift by 64 is undefined in most languages, so consensus forces zero).</summary>
    public const int MaxHalvings = 64;

    /// <summary>Subsidy of the genesis era, in satoshis (50 BTC).</summary>
    public const long InitialSubsidySatoshis = 5_000_000_000;

    /// <summary>Target seconds between blocks.</summary>
    public const double TargetBlockSeconds = 600;

    /// <summary>Blocks per day at the target interval.</summary>
    public const double BlocksPerDay = 86_400 / TargetBlockSeconds;

    /// <summary>Blocks between difficulty retargets.</summary>
    public const long RetargetIntervalBlocks = 2_016;

    /// <summary>Expected hashes per block at difficulty 1 (≈ 2^32; domain.md §1.1).</summary>
    public const double HashesPerDifficultyUnit = 4_294_967_296d;
}
