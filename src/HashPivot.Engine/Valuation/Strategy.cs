namespace HashPivot.Engine.Valuation;

/// <summary>What a site does with its power over the horizon.</summary>
public enum StrategyKind
{
    /// <summary>Keep mining to the horizon.</summary>
    Mine,

    /// <summary>Convert the convertible MW to a colocation lease.</summary>
    Lease,

    /// <summary>Convert the convertible MW to GPU cloud.</summary>
    Cloud,

    /// <summary>Lease a share of the convertible MW, keep mining on the rest.</summary>
    Hybrid,
}

/// <summary>A strategy with the year (0 = now) its conversion starts; mining has no conversion year.</summary>
public readonly record struct Strategy(StrategyKind Kind, int Year)
{
    /// <summary>Strategies valued for a horizon: mining, then lease, cloud and hybrid starting in each year 0..years−1.</summary>
    public static int Count(int years) => 1 + (3 * years);

    /// <summary>The strategy at index <paramref name="index"/> of <see cref="Count"/>.</summary>
    public static Strategy At(int index, int years) => index == 0
        ? new Strategy(StrategyKind.Mine, 0)
        : new Strategy((StrategyKind)(1 + ((index - 1) / years)), (index - 1) % years);

    /// <summary>The index of a conversion strategy starting in <paramref name="year"/>.</summary>
    public static int IndexOf(StrategyKind kind, int year, int years) => kind == StrategyKind.Mine ? 0 : 1 + (((int)kind - 1) * years) + year;

    /// <summary>A label for charts and plans: "mine", or the conversion with its start year.</summary>
    public string Label => Kind == StrategyKind.Mine ? "mine" : FormattableString.Invariant($"{Name} from year {Year}");

    /// <summary>Name as the CLI and JSON print it: mine, lease, gpu_cloud, hybrid.</summary>
    public string Name => Kind switch
    {
        StrategyKind.Mine => "mine",
        StrategyKind.Lease => "lease",
        StrategyKind.Cloud => "gpu_cloud",
        _ => "hybrid",
    };
}
