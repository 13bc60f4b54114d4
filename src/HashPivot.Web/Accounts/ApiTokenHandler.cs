using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using HashPivot.Data.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HashPivot.Web.Accounts;

/// <summary>Authenticates <c>Authorization: Bearer hp_...</c>: the token's SHA-256 is looked up (the secret is never stored), and it acts as its user in its workspace with the user's current role.</summary>
internal sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SqlStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    private const string Prefix = "hp_";

    /// <summary>A new token secret: 32 random bytes, base64url, with a recognisable prefix.</summary>
    public static string NewSecret() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the secret: tokens are 256-bit random, so a fast hash is enough (no dictionary to slow down).</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return AuthenticateResult.Fail("not a HashPivot API token");
        }

        var grant = await store.FindApiTokenAsync(Hash(secret), Context.RequestAborted);
        if (grant is null)
        {
            return AuthenticateResult.Fail("unknown or revoked token");
        }

        var user = new UserAccount(grant.Membership.UserId, $"token:{grant.Name}", "");
        return AuthenticateResult.Success(new AuthenticationTicket(Auth.Principal(user, grant.Membership, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Results.Problem(statusCode: 401, title: "Sign in required", detail: "The bearer token is not valid.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Results.Problem(statusCode: 403, title: "Not allowed", detail: "Your role in this workspace does not allow this.").ExecuteAsync(Context);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
