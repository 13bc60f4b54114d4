namespace HashPivot.Web.Pages;

/// <summary>The dashboard's server-rendered pages: sign-in, portfolios, site dispatch and runs, sector, markets and datasets.</summary>
internal static class DashboardPages
{
    public static void Map(WebApplication app)
    {
        SignInPages.Map(app);
        app.MapGet("/", () => Results.Redirect("/portfolios")).ExcludeFromDescription();
        PortfolioPages.Map(app);
        DispatchPages.Map(app);
        SectorPage.Map(app);
        MarketsPage.Map(app);
        DatasetsPage.Map(app);
        WorkspacesPage.Map(app);
    }
}
