namespace HashPivot.Data.Store;

/// <summary>What a member may do in a workspace: viewers read, editors also create and change, admins also manage members and tokens.</summary>
public enum WorkspaceRole
{
    /// <summary>Reads portfolios, datasets and runs; runs read-only calculations.</summary>
    Viewer,

    /// <summary>A viewer who may also create, change and delete portfolios, datasets and runs.</summary>
    Editor,

    /// <summary>An editor who may also manage members and API tokens.</summary>
    Admin,
}

/// <summary>A workspace: the unit that owns portfolios, datasets and runs.</summary>
/// <param name="Id">Store id.</param>
/// <param name="Name">Unique name.</param>
public sealed record Workspace(long Id, string Name);

/// <summary>A user account: the email they sign in with and the password hash (never the password).</summary>
/// <param name="Id">Store id.</param>
/// <param name="Email">Unique sign-in name.</param>
/// <param name="PasswordHash">The framework hasher's output (algorithm, salt and iteration count included).</param>
public sealed record UserAccount(long Id, string Email, string PasswordHash);

/// <summary>A user's role in one workspace.</summary>
/// <param name="Workspace">The workspace.</param>
/// <param name="UserId">The member.</param>
/// <param name="Role">What the member may do there.</param>
public sealed record Membership(Workspace Workspace, long UserId, WorkspaceRole Role);

/// <summary>A member of a workspace as its admins see it.</summary>
/// <param name="UserId">The user's store id.</param>
/// <param name="Email">Their sign-in name.</param>
/// <param name="Role">Their role in the workspace.</param>
public sealed record WorkspaceMember(long UserId, string Email, WorkspaceRole Role);

/// <summary>What an API token grants: the user, the workspace it is bound to, and the user's current role there.</summary>
/// <param name="TokenId">Store id of the token.</param>
/// <param name="Name">The label given when it was created.</param>
/// <param name="Membership">The user's membership the token acts under (the role is read at each use, so demoting a user demotes their tokens).</param>
public sealed record ApiTokenGrant(long TokenId, string Name, Membership Membership);

/// <summary>A stored portfolio: its document (portfolio YAML, or JSON, which YAML reads too) in one workspace.</summary>
/// <param name="Id">Store id.</param>
/// <param name="WorkspaceId">The owning workspace.</param>
/// <param name="Name">Unique within the workspace.</param>
/// <param name="Document">The portfolio text exactly as given.</param>
/// <param name="CreatedUtc">When it was created (UTC).</param>
/// <param name="UpdatedUtc">When it was last changed (UTC).</param>
public sealed record PortfolioRecord(long Id, long WorkspaceId, string Name, string Document, DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc);

/// <summary>Saving a workspace, user or portfolio under a name already taken.</summary>
public sealed class NameTakenException : StoreException
{
    /// <summary>Creates the exception naming what kind of object and the name.</summary>
    public NameTakenException(string what, string name)
        : base($"A {what} named '{name}' already exists.")
    {
        Name = name;
    }

    /// <summary>The name already taken.</summary>
    public string Name { get; }
}
