using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HashPivot.Data.Store;

/// <summary>One stored calculation run: what was asked (inputs JSON and its SHA-256), when, with which seed, and what came out (results JSON).</summary>
/// <param name="Id">Unique id, for example a version-7 GUID from <see cref="Create"/>.</param>
/// <param name="Kind">What was run, for example <c>compare</c>, <c>dispatch</c> or <c>value</c>.</param>
/// <param name="CreatedUtc">When the run was made; stored in UTC to the 100 ns tick.</param>
/// <param name="InputsJson">The inputs as JSON, stored exactly as given.</param>
/// <param name="InputHash">Lower-case hex SHA-256 of the canonical form of <paramref name="InputsJson"/> (<see cref="RunInputs.Hash"/>).</param>
/// <param name="Seed">The random seed, when the run used one.</param>
/// <param name="ResultsJson">The results as JSON, stored exactly as given.</param>
public sealed record RunRecord(string Id, string Kind, DateTimeOffset CreatedUtc, string InputsJson, string InputHash, long? Seed, string ResultsJson)
{
    /// <summary>A new run with a fresh version-7 GUID id (time-ordered) and the input hash computed from <paramref name="inputsJson"/>.</summary>
    /// <exception cref="ArgumentException">The inputs are not valid JSON.</exception>
    public static RunRecord Create(string kind, DateTimeOffset createdUtc, string inputsJson, string resultsJson, long? seed = null) =>
        new(Guid.CreateVersion7(createdUtc).ToString("D"), kind, createdUtc.ToUniversalTime(), inputsJson, RunInputs.Hash(inputsJson), seed, resultsJson);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Id);
        ArgumentNullException.ThrowIfNull(Kind);
        ArgumentNullException.ThrowIfNull(InputsJson);
        ArgumentNullException.ThrowIfNull(InputHash);
        ArgumentNullException.ThrowIfNull(ResultsJson);
        if (Id.Length is 0 or > 100)
        {
            throw new ArgumentException("A run id must be 1 to 100 characters.", nameof(Id));
        }

        if (Kind.Length is 0 or > 100)
        {
            throw new ArgumentException("A run kind must be 1 to 100 characters.", nameof(Kind));
        }

        var expected = RunInputs.Hash(InputsJson);
        if (!string.Equals(expected, InputHash, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Run '{Id}': the input hash {InputHash} is not the SHA-256 of the canonical inputs ({expected}).", nameof(InputHash));
        }

        try
        {
            using var results = JsonDocument.Parse(ResultsJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Run '{Id}': the results are not valid JSON: {e.Message}", nameof(ResultsJson), e);
        }
    }
}

/// <summary>A run as listed: id, kind, time, input hash and seed, without the (possibly large) inputs and results.</summary>
/// <param name="Id">The run id.</param>
/// <param name="Kind">What was run.</param>
/// <param name="CreatedUtc">When the run was made (UTC).</param>
/// <param name="InputHash">Lower-case hex SHA-256 of the canonical inputs.</param>
/// <param name="Seed">The random seed, when the run used one.</param>
public sealed record RunSummary(string Id, string Kind, DateTimeOffset CreatedUtc, string InputHash, long? Seed);

/// <summary>The canonical form of run inputs (object keys sorted ordinally, no insignificant whitespace, numbers as written) and its SHA-256, so equal inputs hash equally whatever their layout.</summary>
public static class RunInputs
{
    /// <summary>The canonical JSON text of <paramref name="json"/>.</summary>
    /// <exception cref="ArgumentException">The text is not valid JSON, or an object repeats a key.</exception>
    public static string Canonicalize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Write(document.RootElement, writer, "$");
            }

            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, checked((int)buffer.Length));
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The run inputs are not valid JSON: {e.Message}", nameof(json), e);
        }
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <see cref="Canonicalize"/>(<paramref name="json"/>).</summary>
    /// <exception cref="ArgumentException">The text is not valid JSON, or an object repeats a key.</exception>
    public static string Hash(string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonicalize(json))));

    private static void Write(JsonElement element, Utf8JsonWriter writer, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = element.EnumerateObject().ToList();
                properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                writer.WriteStartObject();
                for (var i = 0; i < properties.Count; i++)
                {
                    if (i > 0 && string.Equals(properties[i].Name, properties[i - 1].Name, StringComparison.Ordinal))
                    {
                        throw new ArgumentException($"The run inputs repeat the key '{properties[i].Name}' at {path}.", nameof(element));
                    }

                    writer.WritePropertyName(properties[i].Name);
                    Write(properties[i].Value, writer, path + "." + properties[i].Name);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer, $"{path}[{index++}]");
                }

                writer.WriteEndArray();
                break;
            default:
                // Strings are re-escaped by the writer (one escaping for one value); numbers keep their text.
                element.WriteTo(writer);
                break;
        }
    }
}
