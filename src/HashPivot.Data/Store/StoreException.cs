namespace HashPivot.Data.Store;

/// <summary>A store operation failed for a reason the user can act on (name taken, database too new, corrupt data); the message says which.</summary>
public class StoreException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message (prefer the other constructors).</summary>
    public StoreException()
    {
    }
}

/// <summary>Saving a dataset under a name already taken, without asking to replace it.</summary>
public sealed class DatasetExistsException : StoreException
{
    /// <summary>Creates the exception for the dataset <paramref name="name"/>.</summary>
    public DatasetExistsException(string name)
        : base($"A dataset named '{name}' already exists; delete it first or import with replace (--replace) to swap it atomically.")
    {
        Name = name;
    }

    /// <summary>The name already taken.</summary>
    public string Name { get; }
}

/// <summary>The database was written by a newer HashPivot whose schema this version does not know.</summary>
public sealed class SchemaVersionException : StoreException
{
    /// <summary>Creates the exception naming the database and both versions.</summary>
    public SchemaVersionException(string database, int databaseVersion, int supportedVersion)
        : base($"The database {database} has schema version {databaseVersion}, newer than this HashPivot understands (up to {supportedVersion}). "
            + "Upgrade HashPivot, or point --db at another database.")
    {
        DatabaseVersion = databaseVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>The schema version recorded in the database.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The newest schema version this code can read and write.</summary>
    public int SupportedVersion { get; }
}
