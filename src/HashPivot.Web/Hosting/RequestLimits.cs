namespace HashPivot.Web.Hosting;

/// <summary>Refuses request bodies above the limit with 413 and a problem detail: at once when the declared length is too large, while reading when the body is chunked.</summary>
/// <remarks>Kestrel enforces its own MaxRequestBodySize too; this keeps the same answer on every host (the in-memory test server has no such limit).</remarks>
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

        if (context.Request.ContentLength is null)
        {
            context.Request.Body = new LimitedStream(context.Request.Body, maxBytes);
        }

        await next(context);
    };

    /// <summary>A read-only body that throws a 413 <see cref="BadHttpRequestException"/> once more than the limit has been read.</summary>
    private sealed class LimitedStream(Stream inner, long maxBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > maxBytes
                ? throw new BadHttpRequestException($"The body is larger than the limit of {maxBytes:N0} bytes.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
