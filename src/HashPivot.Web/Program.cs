using HashPivot.Web;

HashPivotServer.Build(args).Run();

/// <summary>The server's entry point (<c>dotnet run --project src/HashPivot.Web</c>); <c>hashpivot serve</c> builds the same app.</summary>
public partial class Program;
