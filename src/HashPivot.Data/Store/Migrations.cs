namespace HashPivot.Data.Store;

/// <summary>The column types that differ between SQLite and PostgreSQL; migrations are written once against these tokens.</summary>
/// <param name="IdentityKey">An auto-numbered 64-bit primary key column type.</param>
/// <param name="Integer">A 64-bit integer column type.</param>
/// <param name="Bytes">A byte array column type.</param>
internal sealed record SqlDialect(string IdentityKey, string Integer, string Bytes)
{
    public static readonly SqlDialect Sqlite = new("INTEGER PRIMARY KEY", "INTEGER", "BLOB");

    public static readonly SqlDialect Postgres = new("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BIGINT", "BYTEA");
}

/// <summary>One step of the schema: its version (1, 2, … with no gaps), what it does, and its statements for a dialect.</summary>
internal sealed record Migration(int Version, string Description, Func<SqlDialect, IReadOnlyList<string>> Statements);

/// <summary>The ordered schema migrations; a database records the versions applied in <c>schema_version</c>.</summary>
/// <remarks>Append new steps at the end with the next version; never edit a released step (databases in the field already ran it).</remarks>
internal static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "datasets, series and series chunks", d =>
        [
            $"""
            CREATE TABLE datasets (
                id {d.IdentityKey},
                name TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('chain', 'grid', 'equity', 'synthetic')),
                source TEXT NOT NULL,
                imported_at_utc TEXT NOT NULL)
            """,
            $"""
            CREATE TABLE series (
                id {d.IdentityKey},
                dataset_id {d.Integer} NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
                ordinal {d.Integer} NOT NULL,
                name TEXT NOT NULL,
                unit TEXT NOT NULL,
                interval_seconds {d.Integer} NOT NULL CHECK (interval_seconds > 0),
                point_count {d.Integer} NOT NULL CHECK (point_count >= 0),
                first_start {d.Integer} NULL,
                last_start {d.Integer} NULL,
                UNIQUE (dataset_id, name))
            """,
            $"""
            CREATE TABLE series_chunks (
                series_id {d.Integer} NOT NULL REFERENCES series (id) ON DELETE CASCADE,
                chunk_index {d.Integer} NOT NULL,
                first_start {d.Integer} NOT NULL,
                last_start {d.Integer} NOT NULL,
                point_count {d.Integer} NOT NULL CHECK (point_count > 0),
                starts {d.Bytes} NOT NULL,
                vals {d.Bytes} NOT NULL,
                PRIMARY KEY (series_id, chunk_index))
            """,
        ]),
        new(2, "runs", d =>
        [
            $"""
            CREATE TABLE runs (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                created_at_utc TEXT NOT NULL,
                inputs_json TEXT NOT NULL,
                input_hash TEXT NOT NULL,
                seed {d.Integer} NULL,
                results_json TEXT NOT NULL)
            """,
            "CREATE INDEX runs_kind_created ON runs (kind, created_at_utc)",
            "CREATE INDEX runs_input_hash ON runs (input_hash)",
        ]),
        new(3, "workspaces, users, memberships, API tokens and portfolios; datasets and runs may belong to a workspace", d =>
        [
            $"""
            CREATE TABLE workspaces (
                id {d.IdentityKey},
                name TEXT NOT NULL UNIQUE,
                created_at_utc TEXT NOT NULL)
            """,
            $"""
            CREATE TABLE users (
                id {d.IdentityKey},
                email TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                created_at_utc TEXT NOT NULL)
            """,
            $"""
            CREATE TABLE memberships (
                workspace_id {d.Integer} NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
                user_id {d.Integer} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
                PRIMARY KEY (workspace_id, user_id))
            """,
            $"""
            CREATE TABLE api_tokens (
                id {d.IdentityKey},
                token_hash TEXT NOT NULL UNIQUE,
                user_id {d.Integer} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                workspace_id {d.Integer} NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                created_at_utc TEXT NOT NULL)
            """,
            $"""
            CREATE TABLE portfolios (
                id {d.IdentityKey},
                workspace_id {d.Integer} NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                document TEXT NOT NULL,
                created_at_utc TEXT NOT NULL,
                updated_at_utc TEXT NOT NULL,
                UNIQUE (workspace_id, name))
            """,
            // Nullable: NULL is the store's own space (the CLI's datasets and runs), as before this step.
            $"ALTER TABLE datasets ADD COLUMN workspace_id {d.Integer} NULL REFERENCES workspaces (id) ON DELETE CASCADE",
            $"ALTER TABLE runs ADD COLUMN workspace_id {d.Integer} NULL REFERENCES workspaces (id) ON DELETE CASCADE",
            "CREATE INDEX datasets_workspace ON datasets (workspace_id)",
            "CREATE INDEX runs_workspace_created ON runs (workspace_id, created_at_utc)",
        ]),
    ];

    public static int Latest => All[^1].Version;
}
