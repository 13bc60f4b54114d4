using System.Globalization;

namespace HashPivot.Cli;

/// <summary>Number formatting for tables: invariant culture, thousands separators, a dash for missing values.</summary>
internal static class Format
{
    public static string Number(double value, int decimals) =>
        double.IsFinite(value) ? value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "–";

    public static string Money(double value, int decimals) => double.IsFinite(value) ? Sign(value) + "$" + Number(Math.Abs(value), decimals) : "–";

    public static string Millions(double value) => double.IsFinite(value) ? Sign(value) + "$" + Number(Math.Abs(value) / 1e6, 2) + "M" : "–";

    private static string Sign(double value) => value < 0 ? "-" : "";

    public static string Percent(double share) => double.IsFinite(share) ? Number(share * 100, 1) + "%" : "–";
}
