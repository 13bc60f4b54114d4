using System.Text.Json;
using System.Text.Json.Serialization;
using HashPivot.Data.Validation;

namespace HashPivot.Web.Api;

/// <summary>The API's JSON: snake_case keys (units in the names), unknown request keys refused, and bodies read with the field of any error named.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>The content type of a JSON answer written from bytes already serialised with <see cref="Options"/>.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        return options;
    }

    /// <summary>Reads the JSON body as <typeparamref name="T"/>; malformed JSON, a wrong type or an unknown key is an <see cref="InputException"/> naming the JSON path and line.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException(new InputProblem("request body", 0, 0, "Content-Type", "send the body as application/json"));
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted)
                ?? throw new InputException(new InputProblem("request body", 0, 0, "$", "the body is JSON null; send an object"));
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? checked((int)l + 1) : 0;
            var column = e.BytePositionInLine is { } c ? checked((int)c + 1) : 0;
            throw new InputException(new InputProblem("request body", line, column, e.Path ?? "$", FirstSentence(e.Message)));
        }
    }

    // System.Text.Json appends "Path: $.x | LineNumber: ..." which the problem carries in its own fields.
    private static string FirstSentence(string message)
    {
        var at = message.IndexOf(" Path:", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}
