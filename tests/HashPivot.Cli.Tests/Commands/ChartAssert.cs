namespace HashPivot.Cli.Tests.Commands;

/// <summary>Checks on a chart written by <c>--chart</c>: non-empty, PNG magic bytes or an SVG with the expected labels.</summary>
internal static class ChartAssert
{
    /// <summary>Runs the command with <c>--chart</c> pointing at a temporary <paramref name="name"/> and checks the file.</summary>
    public static void Writes(string name, string[] args, params string[] svgLabels)
    {
        var dir = Directory.CreateTempSubdirectory("hashpivot-chart-").FullName;
        try
        {
            var chart = Path.Combine(dir, name);
            var run = CliRunner.Run([.. args, "--chart", chart]);

            Assert.True(run.Exit == 0, run.Err);
            Assert.Contains("Chart written to", run.Out, StringComparison.Ordinal);
            var bytes = File.ReadAllBytes(chart);
            Assert.True(bytes.Length > 5_000, $"{bytes.Length} bytes");
            if (name.EndsWith(".png", StringComparison.Ordinal))
            {
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            }
            else
            {
                var svg = File.ReadAllText(chart);
                Assert.Contains("<svg", svg, StringComparison.Ordinal);
                foreach (var label in svgLabels)
                {
                    Assert.Contains(label, svg, StringComparison.Ordinal);
                }
            }

            // Only the chart is left in the folder: the atomic write removed its temporary file.
            Assert.Equal([chart], Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
