using HashPivot.Data.Store;
using HashPivot.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace HashPivot.Web.Pages;

/// <summary>Sign-in and sign-out: the form, the password check (framework hasher) and the cookie for the first (or chosen) workspace.</summary>
internal static class SignInPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/signin", (HttpContext context, string? returnUrl) => Form(context, returnUrl, null)).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signin", SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signin");
        }).ExcludeFromDescription();
    }

    private static async Task<IResult> SignInAsync(HttpContext context, SqlStore store, [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var user = string.IsNullOrEmpty(email) ? null : await store.FindUserAsync(email.Trim(), context.RequestAborted);
        if (user is null || string.IsNullOrEmpty(password) || !Passwords.Verify(user, password))
        {
            return Form(context, returnUrl, "Email or password is wrong.", 401);
        }

        var memberships = await store.GetMembershipsAsync(user.Id, context.RequestAborted);
        if (memberships.Count == 0)
        {
            return Form(context, returnUrl, "This account belongs to no workspace yet.", 403);
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            Auth.Principal(user, memberships[0], CookieAuthenticationDefaults.AuthenticationScheme));
        return Results.Redirect(returnUrl is { Length: > 1 } r && r[0] == '/' && r[1] != '/' && r[1] != '\\' ? r : "/portfolios");
    }

    private static IResult Form(HttpContext context, string? returnUrl, string? error, int status = 200) => Html.Page(context, "Sign in", "", $"""
        {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p>")}
        <form method="post" action="/signin">
          {Html.AntiforgeryField(context)}
          <input type="hidden" name="returnUrl" value="{Html.E(returnUrl)}">
          <p><label>Email <input id="email" name="email" type="email" autocomplete="username" required></label></p>
          <p><label>Password <input id="password" name="password" type="password" autocomplete="current-password" required></label></p>
          <p><button type="submit">Sign in</button></p>
        </form>
        """, status);
}
