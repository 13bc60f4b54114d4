using HashPivot.Data.Store;
using Microsoft.AspNetCore.Identity;

namespace HashPivot.Web.Accounts;

/// <summary>Password hashing with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with salt and iteration count in the hash).</summary>
internal static class Passwords
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(UserAccount user, string password) =>
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
}
