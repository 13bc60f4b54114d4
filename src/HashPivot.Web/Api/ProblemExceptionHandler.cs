using HashPivot.Data.Store;
using HashPivot.Data.Validation;
using Microsoft.AspNetCore.Diagnostics;

namespace HashPivot.Web.Api;

/// <summary>Turns exceptions into RFC 7807 problem details: bad input 400 with every problem (file, line, column, field), name clashes 409, oversized bodies 413, anything else 500 without internals.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = exception switch
        {
            InputException e => (400, "Invalid input", $"{e.Problems.Count} problem(s) in the input; each is listed in 'errors'.", e.Problems),
            BadHttpRequestException e => (e.StatusCode, e.StatusCode == 413 ? "Request body too large" : "Bad request", e.Message, null),
            InvalidDataException e => (413, "Request body too large", e.Message, null),
            NameTakenException e => (409, "Name taken", e.Message, null),
            DatasetExistsException e => (409, "Name taken", e.Message, null),
            SchemaVersionException e => (500, "Store too new", e.Message, null),
            ArgumentException e => (400, "Invalid input", e.Message, (IReadOnlyList<InputProblem>?)[new InputProblem("request", 0, 0, e.ParamName ?? "", e.Message)]),
            OperationCanceledException => (499, "Cancelled", "The request was cancelled.", null),
            _ => (500, "Internal error", "The server failed; the error is in its log.", null),
        };
        if (status == 500)
        {
            logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null)
        {
            details.Extensions["errors"] = errors.Select(p => new ProblemItem(p.File, p.Line, p.Column, p.Field, p.Message)).ToList();
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    /// <summary>One problem of a 400 answer: where (file, line, column, field) and what.</summary>
    internal sealed record ProblemItem(string File, int Line, int Column, string Field, string Message);
}
