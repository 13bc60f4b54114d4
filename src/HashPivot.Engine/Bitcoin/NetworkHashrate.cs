using HashPivot.Engine.Units;

namespace HashPivot.Engine.Bitcoin;

/// <summary>Conversion between difficulty and the network hashrate that sustains 600-second blocks: H = D · 2³² / 600.</summary>
public static class NetworkHashrate
{
    /// <summary>Network hashrate implied by a difficulty (domain.md §1.1; D = 126.98T ⇒ ≈ 909 EH/s).</summary>
    public static ExahashPerSecond FromDifficulty(double difficulty)
    {
        RequirePositiveFinite(difficulty, nameof(difficulty));
        var hashesPerSecond = difficulty * BitcoinProtocol.HashesPerDifficultyUnit / BitcoinProtocol.TargetBlockSeconds;
        return TerahashPerSecond.FromHashesPerSecond(hashesPerSecond).ToExahash();
    }

    /// <summary>Difficulty at which a network hashrate finds blocks every 600 seconds on average.</summary>
    public static double ToDifficulty(ExahashPerSecond hashrate)
    {
        RequirePositiveFinite(hashrate.Value, nameof(hashrate));
        return hashrate.ToTerahash().HashesPerSecond * BitcoinProtocol.TargetBlockSeconds / BitcoinProtocol.HashesPerDifficultyUnit;
    }

    internal static void RequirePositiveFinite(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a positive, finite number.");
        }
    }
}
