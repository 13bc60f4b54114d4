using System.CommandLine;

namespace HashPivot.Cli.Charts;

/// <summary>The <c>--chart FILE.png|svg</c> option the charting commands share (the charts themselves are in HashPivot.Charts).</summary>
internal static class ChartFile
{
    /// <summary>True for the extensions a chart can be saved as (<c>.png</c>, <c>.svg</c>, any case).</summary>
    public static bool IsSupported(string path) => HashPivot.Charts.ChartRender.IsSupported(path);

    /// <summary>A <c>--chart</c> option that only accepts .png or .svg files.</summary>
    public static Option<FileInfo?> Option(string description)
    {
        var chart = new Option<FileInfo?>("--chart") { Description = description };
        chart.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<FileInfo?>() is { } f && !IsSupported(f.Name))
            {
                r.AddError($"--chart must end in .png or .svg, got '{f.Name}'.");
            }
        });
        return chart;
    }
}
