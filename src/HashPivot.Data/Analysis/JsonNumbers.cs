namespace HashPivot.Data.Analysis;

/// <summary>Numbers for JSON documents, which have no representation for NaN and infinities.</summary>
public static class JsonNumbers
{
    /// <summary>The value, or null when it is NaN or infinite.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
