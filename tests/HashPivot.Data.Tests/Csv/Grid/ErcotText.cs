using System.Globalization;
using System.Text;

namespace HashPivot.Data.Tests.Csv.Grid;

// Builds ERCOT long-layout CSV text for whole delivery days, the way users download it.
internal static class ErcotText
{
    public const string DamHeader = "Delivery Date,Hour Ending,Repeated Hour Flag,Settlement Point,Settlement Point Price";
    public const string RtHeader = "Delivery Date,Delivery Hour,Delivery Interval,Repeated Hour Flag,Settlement Point Name,Settlement Point Type,Settlement Point Price";

    /// <summary>The (hour ending, flag) labels ERCOT publishes for a day: 23 on spring-forward, 25 on fall-back.</summary>
    public static List<(int He, char Flag)> Labels(DateOnly date)
    {
        var labels = new List<(int, char)>();
        for (var he = 1; he <= 24; he++)
        {
            if (IsSpringForward(date) && he == 3)
            {
                continue;
            }

            labels.Add((he, 'N'));
            if (IsFallBack(date) && he == 2)
            {
                labels.Add((2, 'Y'));
            }
        }

        return labels;
    }

    /// <summary>Day-ahead rows for one point; price = 10 × label index, so each value names its row.</summary>
    public static string DamDay(DateOnly date, string point = "HB_NORTH", bool colonHours = true)
    {
        var sb = new StringBuilder(DamHeader).Append('\n');
        var labels = Labels(date);
        for (var i = 0; i < labels.Count; i++)
        {
            var he = colonHours ? $"{labels[i].He:00}:00" : labels[i].He.ToString(CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"{date:MM/dd/yyyy},{he},{labels[i].Flag},{point},{10 * i}.00\n");
        }

        return sb.ToString();
    }

    /// <summary>Real-time 15-minute rows for one point; price = label index × 4 + quarter.</summary>
    public static string RtDay(DateOnly date, string point = "HB_WEST")
    {
        var sb = new StringBuilder(RtHeader).Append('\n');
        var labels = Labels(date);
        for (var i = 0; i < labels.Count; i++)
        {
            for (var q = 1; q <= 4; q++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{date:MM/dd/yyyy},{labels[i].He},{q},{labels[i].Flag},{point},HU,{(i * 4) + q}\n");
            }
        }

        return sb.ToString();
    }

    private static bool IsSpringForward(DateOnly d) => d == new DateOnly(2024, 3, 10) || d == new DateOnly(2021, 3, 14);

    private static bool IsFallBack(DateOnly d) => d == new DateOnly(2024, 11, 3) || d == new DateOnly(2021, 11, 7);
}
