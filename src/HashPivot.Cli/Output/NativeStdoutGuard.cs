using System.Runtime.InteropServices;

namespace HashPivot.Cli;

/// <summary>While alive, sends what native libraries print to the process's stdout (file descriptor 1) to stderr instead, so a solver banner cannot corrupt a JSON document on stdout.</summary>
/// <remarks>
/// HiGHS (through OR-Tools) prints a licence banner to stdout even with output suppressed (stack.md). Only native
/// writes are affected in practice: the CLI writes its own output after the solve. A no-op outside Linux and macOS.
/// </remarks>
internal sealed class NativeStdoutGuard : IDisposable
{
    private const int StdoutFd = 1;
    private const int StderrFd = 2;
    private int _saved = -1;

    private NativeStdoutGuard()
    {
    }

    /// <summary>Starts redirecting; dispose to restore stdout.</summary>
    public static NativeStdoutGuard Begin()
    {
        var guard = new NativeStdoutGuard();
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            Console.Out.Flush();
            _ = NativeMethods.fflush(IntPtr.Zero);
            var saved = NativeMethods.dup(StdoutFd);
            if (saved >= 0 && NativeMethods.dup2(StderrFd, StdoutFd) >= 0)
            {
                guard._saved = saved;
            }
            else if (saved >= 0)
            {
                _ = NativeMethods.close(saved);
            }
        }

        return guard;
    }

    public void Dispose()
    {
        if (_saved < 0)
        {
            return;
        }

        // C stdio buffers what the library printed; flush it to where it was meant to go before switching back.
        _ = NativeMethods.fflush(IntPtr.Zero);
        _ = NativeMethods.dup2(_saved, StdoutFd);
        _ = NativeMethods.close(_saved);
        _saved = -1;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "dup")]
        public static extern int dup(int fd);

        [DllImport("libc", EntryPoint = "dup2")]
        public static extern int dup2(int oldFd, int newFd);

        [DllImport("libc", EntryPoint = "close")]
        public static extern int close(int fd);

        [DllImport("libc", EntryPoint = "fflush")]
        public static extern int fflush(IntPtr stream);
    }
}
