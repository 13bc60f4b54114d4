namespace HashPivot.Cli.Tests.Commands;

public class AsicsCommandTests
{
    [Fact]
    public void Asics_Json_ListsCatalogWithEfficiency()
    {
        var run = CliRunner.Run("asics", "--json");

        Assert.Equal(0, run.Exit);
        var s21 = run.Json().GetProperty("asics").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "s21");
        // domain.md §2.1: Antminer S21 200 TH/s, ~3,500 W ⇒ 17.5 J/TH.
        Assert.Equal(17.5, s21.GetProperty("efficiency_j_per_th").GetDouble(), 3);
    }

    [Fact]
    public void Asics_Table_ShowsModelNames()
    {
        var run = CliRunner.Run("asics");

        Assert.Equal(0, run.Exit);
        Assert.Contains("Antminer S21 XP", run.Out, StringComparison.Ordinal);
        Assert.Contains("Avalon A16XP", run.Out, StringComparison.Ordinal);
    }
}
