namespace HashPivot.Browser;

/// <summary>A fact that needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium); skipped with that message when it is absent.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path))
        {
            Skip = $"Browser tests skipped: {Path} is absent (apt-get install -y chromium; Playwright's own browser download is never used).";
        }
    }
}
