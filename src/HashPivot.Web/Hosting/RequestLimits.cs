namespace HashPivot.Web.Hosting;

/// <summary>Refuses a request whose declared body is larger than the limit before any of it is read (413 with a problem detail).</summary>
internal static class RequestLimits
{
    public static Func<HttpContext, RequestDelegate, Task> Middleware(long maxBytes) => async (context, next) =>
    {
        if (context.Request.ContentLength is { } length && length > maxBytes)
        {
            await Results.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request body too large",
                detail: $"The body is {length:N0} bytes; the limit is {maxBytes:N0} bytes.").ExecuteAsync(context);
            return;
        }

        await next(context);
    };
}
