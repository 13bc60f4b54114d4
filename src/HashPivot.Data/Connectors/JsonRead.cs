using System.Globalization;
using System.Text.Json;

namespace HashPivot.Data.Connectors;

/// <summary>Reads JSON fields that sources send either as numbers or as numeric strings; a missing or wrong field is a <see cref="FormatException"/> naming it.</summary>
internal static class JsonRead
{
    public static JsonElement Property(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"expected an object holding '{name}', found {obj.ValueKind}");
        }

        return obj.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"field '{name}' is missing");
    }

    public static JsonElement Array(JsonElement obj, string name)
    {
        var value = Property(obj, name);
        return value.ValueKind == JsonValueKind.Array ? value : throw new FormatException($"field '{name}' is {value.ValueKind}, not an array");
    }

    public static double Double(JsonElement obj, string name) => Number(Property(obj, name), name);

    public static long Long(JsonElement obj, string name)
    {
        var value = Property(obj, name);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n))
        {
            return n;
        }

        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n))
        {
            return n;
        }

        throw new FormatException($"field '{name}' is not a whole number: {Show(value)}");
    }

    public static int Int(JsonElement obj, string name) => checked((int)Long(obj, name));

    public static string String(JsonElement obj, string name)
    {
        var value = Property(obj, name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"field '{name}' is {value.ValueKind}, not a string");
    }

    /// <summary>A finite number from a JSON number or numeric string; null for JSON null.</summary>
    public static double? NullableNumber(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.Null ? null : Number(value, what);

    public static double Number(JsonElement value, string what)
    {
        double n;
        if (value.ValueKind == JsonValueKind.Number)
        {
            n = value.GetDouble();
        }
        else if (value.ValueKind != JsonValueKind.String
                 || !double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out n))
        {
            throw new FormatException($"'{what}' is not a number: {Show(value)}");
        }

        return double.IsFinite(n) ? n : throw new FormatException($"'{what}' is not finite: {Show(value)}");
    }

    /// <summary>A short rendering of a value for messages.</summary>
    public static string Show(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length > 40 ? raw[..40] + "…" : raw;
    }
}
