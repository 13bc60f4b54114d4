using System.Data.Common;
using System.Globalization;

namespace HashPivot.Data.Store;

// Accounts, workspaces, tokens and portfolios (schema v3): the server's tables, kept in the same store and migrations
// as the datasets so SQLite and PostgreSQL share one schema. Every write is one transaction.
public abstract partial class SqlStore
{
    /// <summary>Creates a workspace.</summary>
    /// <exception cref="NameTakenException">The name is taken.</exception>
    public async Task<Workspace> CreateWorkspaceAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var id = await InsertReturningIdAsync("workspace", name, "INSERT INTO workspaces (name, created_at_utc) VALUES (@n, @t) RETURNING id",
            c => Add(c, "@n", name), cancellationToken).ConfigureAwait(false);
        return new Workspace(id, name);
    }

    /// <summary>Creates a user with an already hashed password.</summary>
    /// <exception cref="NameTakenException">The email is taken.</exception>
    public async Task<UserAccount> CreateUserAsync(string email, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        var id = await InsertReturningIdAsync("user", email, "INSERT INTO users (email, password_hash, created_at_utc) VALUES (@e, @p, @t) RETURNING id",
            c =>
            {
                Add(c, "@e", email);
                Add(c, "@p", passwordHash);
            }, cancellationToken).ConfigureAwait(false);
        return new UserAccount(id, email, passwordHash);
    }

    /// <summary>The user with this email (exact match), or null.</summary>
    public async Task<UserAccount?> FindUserAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT id, email, password_hash FROM users WHERE email = @e");
        Add(command, "@e", email);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new UserAccount(reader.GetInt64(0), reader.GetString(1), reader.GetString(2))
            : null;
    }

    /// <summary>True when the store has at least one user (the server seeds a demo account otherwise).</summary>
    public async Task<bool> HasUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT CAST(COUNT(*) AS BIGINT) FROM users");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Gives a user a role in a workspace, replacing any role they had there.</summary>
    public async Task SetMembershipAsync(long workspaceId, long userId, WorkspaceRole role, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (var delete = Command(connection, transaction, "DELETE FROM memberships WHERE workspace_id = @w AND user_id = @u"))
        {
            Add(delete, "@w", workspaceId);
            Add(delete, "@u", userId);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var insert = Command(connection, transaction, "INSERT INTO memberships (workspace_id, user_id, role) VALUES (@w, @u, @r)"))
        {
            Add(insert, "@w", workspaceId);
            Add(insert, "@u", userId);
            Add(insert, "@r", RoleText(role));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The workspaces a user belongs to, with their role, ordered by workspace name.</summary>
    public async Task<IReadOnlyList<Membership>> GetMembershipsAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT w.id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = @u ORDER BY w.name");
        Add(command, "@u", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<Membership>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new Membership(new Workspace(reader.GetInt64(0), reader.GetString(1)), userId, ParseRole(reader.GetString(2))));
        }

        return list;
    }

    /// <summary>The members of a workspace with their email and role, ordered by email.</summary>
    public async Task<IReadOnlyList<WorkspaceMember>> ListMembersAsync(long workspaceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT u.id, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = @w ORDER BY u.email");
        Add(command, "@w", workspaceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<WorkspaceMember>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new WorkspaceMember(reader.GetInt64(0), reader.GetString(1), ParseRole(reader.GetString(2))));
        }

        return list;
    }

    /// <summary>Removes a user from a workspace (their tokens for it stop working, since a token acts only through a membership); false when they were not a member.</summary>
    public async Task<bool> RemoveMembershipAsync(long workspaceId, long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, transaction, "DELETE FROM memberships WHERE workspace_id = @w AND user_id = @u");
        Add(command, "@w", workspaceId);
        Add(command, "@u", userId);
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    /// <summary>Stores an API token by the hash of its secret (the secret itself is never stored); it acts as the user in one workspace.</summary>
    public async Task<long> CreateApiTokenAsync(long userId, long workspaceId, string name, string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        return await InsertReturningIdAsync("token", name,
            "INSERT INTO api_tokens (token_hash, user_id, workspace_id, name, created_at_utc) VALUES (@h, @u, @w, @n, @t) RETURNING id",
            c =>
            {
                Add(c, "@h", tokenHash);
                Add(c, "@u", userId);
                Add(c, "@w", workspaceId);
                Add(c, "@n", name);
            }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the token with this hash grants, or null when no token has it or its user is no longer a member of its workspace.</summary>
    public async Task<ApiTokenGrant?> FindApiTokenAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT t.id, t.name, w.id, w.name, m.user_id, m.role FROM api_tokens t "
            + "JOIN memberships m ON m.workspace_id = t.workspace_id AND m.user_id = t.user_id "
            + "JOIN workspaces w ON w.id = t.workspace_id WHERE t.token_hash = @h");
        Add(command, "@h", tokenHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ApiTokenGrant(reader.GetInt64(0), reader.GetString(1),
                new Membership(new Workspace(reader.GetInt64(2), reader.GetString(3)), reader.GetInt64(4), ParseRole(reader.GetString(5))))
            : null;
    }

    internal async Task<PortfolioRecord> CreatePortfolioAsync(long workspaceId, string name, string document, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(document);
        var now = DateTimeOffset.UtcNow;
        var id = await InsertReturningIdAsync("portfolio", name,
            "INSERT INTO portfolios (workspace_id, name, document, created_at_utc, updated_at_utc) VALUES (@w, @n, @d, @t, @t) RETURNING id",
            c =>
            {
                Add(c, "@w", workspaceId);
                Add(c, "@n", name);
                Add(c, "@d", document);
            }, cancellationToken, now).ConfigureAwait(false);
        return new PortfolioRecord(id, workspaceId, name, document, StoreTime.FromText(StoreTime.ToText(now)), StoreTime.FromText(StoreTime.ToText(now)));
    }

    internal async Task<IReadOnlyList<PortfolioRecord>> ListPortfoliosAsync(long workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT id, workspace_id, name, document, created_at_utc, updated_at_utc FROM portfolios WHERE workspace_id = @w ORDER BY name");
        Add(command, "@w", workspaceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<PortfolioRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadPortfolio(reader));
        }

        return list;
    }

    internal async Task<PortfolioRecord?> GetPortfolioAsync(long workspaceId, long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT id, workspace_id, name, document, created_at_utc, updated_at_utc FROM portfolios WHERE workspace_id = @w AND id = @i");
        Add(command, "@w", workspaceId);
        Add(command, "@i", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadPortfolio(reader) : null;
    }

    internal async Task<bool> UpdatePortfolioAsync(long workspaceId, long id, string name, string document, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(document);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, transaction,
            "UPDATE portfolios SET name = @n, document = @d, updated_at_utc = @t WHERE workspace_id = @w AND id = @i");
        Add(command, "@n", name);
        Add(command, "@d", document);
        Add(command, "@t", StoreTime.ToText(DateTimeOffset.UtcNow));
        Add(command, "@w", workspaceId);
        Add(command, "@i", id);
        try
        {
            var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return changed > 0;
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            throw new NameTakenException("portfolio", name);
        }
    }

    internal async Task<bool> DeletePortfolioAsync(long workspaceId, long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, transaction, "DELETE FROM portfolios WHERE workspace_id = @w AND id = @i");
        Add(command, "@w", workspaceId);
        Add(command, "@i", id);
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    private async Task<long> InsertReturningIdAsync(
        string what, string name, string sql, Action<DbCommand> bind, CancellationToken cancellationToken, DateTimeOffset? now = null)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, transaction, sql);
        bind(command);
        Add(command, "@t", StoreTime.ToText(now ?? DateTimeOffset.UtcNow));
        try
        {
            var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return id;
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            throw new NameTakenException(what, name);
        }
    }

    private static PortfolioRecord ReadPortfolio(DbDataReader reader) => new(
        reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
        StoreTime.FromText(reader.GetString(4)), StoreTime.FromText(reader.GetString(5)));

    /// <summary>The role's name as stored and as the API spells it: viewer, editor, admin.</summary>
    public static string RoleText(WorkspaceRole role) => role switch
    {
        WorkspaceRole.Viewer => "viewer",
        WorkspaceRole.Editor => "editor",
        WorkspaceRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    private static WorkspaceRole ParseRole(string text) => text switch
    {
        "viewer" => WorkspaceRole.Viewer,
        "editor" => WorkspaceRole.Editor,
        "admin" => WorkspaceRole.Admin,
        _ => throw new StoreException($"Unknown role '{text}' in the database."),
    };
}
