using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;

namespace HashPivot.Web.Api;

/// <summary>Describes the API's problem-detail answers in OpenAPI: 401 on every endpoint, 404 where the route names an object, 400 where a body is read.</summary>
/// <remarks>
/// Every /api/v1 endpoint needs a token or a session (401), a route with a parameter names an object that may not exist or belong to
/// another workspace (404), and POST/PUT bodies are validated (400 naming the field). GET query parameters can also answer 400; those
/// endpoints are not marked, as the metadata does not say which take queries.
/// </remarks>
internal static class ProblemResponses
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    /// <summary>Adds the responses to every endpoint of <paramref name="api"/>.</summary>
    public static RouteGroupBuilder DescribeProblems(this RouteGroupBuilder api)
    {
        ((IEndpointConventionBuilder)api).Add(endpoint =>
        {
            Add(endpoint, StatusCodes.Status401Unauthorized);
            if (endpoint is RouteEndpointBuilder { RoutePattern: RoutePattern pattern } && pattern.Parameters.Count > 0)
            {
                Add(endpoint, StatusCodes.Status404NotFound);
            }

            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().Any(m => m.HttpMethods.Any(h => h is "POST" or "PUT")))
            {
                Add(endpoint, StatusCodes.Status400BadRequest);
            }
        });
        return api;
    }

    private static void Add(EndpointBuilder endpoint, int status) =>
        endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ProblemJson));
}
