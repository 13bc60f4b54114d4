using HashPivot.Data.Store;
using HashPivot.Engine.Valuation;
using HashPivot.Web.Accounts;
using HashPivot.Web.Api;
using HashPivot.Web.Hosting;
using HashPivot.Web.Jobs;
using HashPivot.Web.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;

namespace HashPivot.Web;

/// <summary>Builds the HashPivot server: store, accounts, the /api/v1 endpoints with OpenAPI, the dashboard pages and /health.</summary>
public static class HashPivotServer
{
    /// <summary>The app for these command-line arguments (ASP.NET Core's: <c>--urls</c>, <c>--HashPivot:Db=...</c>); run it with <c>Run()</c>.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        // appsettings.json (Microsoft.AspNetCore at Warning) is read from the content root, which is the working directory, so a
        // server started from the repository logged two information lines a request (a few % of its CPU under load). Unless the
        // configuration says otherwise, the framework's request lines stay off wherever the server starts.
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        var settings = builder.Configuration.GetSection(ServerSettings.Section).Get<ServerSettings>() ?? new ServerSettings();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<SqlStore>(_ => StoreFactory.Open(string.IsNullOrWhiteSpace(settings.Db) ? StorePaths.DefaultSqlitePath() : settings.Db));
        builder.Services.AddHostedService<SeedOnStart>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (!string.IsNullOrWhiteSpace(settings.Cluster))
        {
            ClusterClient.Add(builder, settings);
        }

        builder.Services.TryAddSingleton<IValuationExecutor, InProcessValuationExecutor>();
        builder.Services.AddSingleton<PortfolioInputCache>();
        builder.Services.AddSingleton<ValuationRuns>();
        builder.Services.AddSingleton<ValuationJobs>();
        builder.Services.AddHostedService<ValuationJobRunner>();
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddAntiforgery();
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = settings.MaxRequestBytes);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = settings.MaxRequestBytes);
        Auth.Add(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RequestLimits.Middleware(settings.MaxRequestBytes));
        app.UseAuthentication();
        app.UseAuthorization();

        // Scalar marks its script anonymous; the reference stays behind sign-in like every route but /health and /signin.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/scalar"), branch => branch.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }

            await next(context);
        }));
        app.UseAntiforgery();

        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi();
        app.MapScalarApiReference();
        var api = app.MapGroup("/api/v1").WithTags("HashPivot").DescribeProblems();
        ApiEndpoints.Map(api);
        JobEndpoints.Map(api);
        MemberEndpoints.Map(api);
        DashboardPages.Map(app);
        return app;
    }
}
