namespace HashPivot.Web.Pages;

/// <summary>The dashboard's server-rendered pages: sign-in, portfolios, dispatch runs, sector, markets and datasets.</summary>
internal static class DashboardPages
{
    public static void Map(WebApplication app)
    {
        SignInPages.Map(app);
        app.MapGet("/", () => Results.Redirect("/portfolios")).ExcludeFromDescription();
    }
}
