using System.Globalization;
using HashPivot.Data.Csv;
using HashPivot.Data.Validation;
using HashPivot.Engine.Sector;
using HashPivot.Engine.Units;

namespace HashPivot.Data.Sector;

/// <summary>
/// Parses the sector dataset (<c>companies.csv</c>, <c>sites.csv</c>, <c>contracts.csv</c>, <c>events.csv</c>) into a
/// <see cref="SectorDataset"/>, reporting every problem as <c>file:line: column: message</c>: unknown or missing columns,
/// bad numbers and dates, unknown statuses and uses, a figure without an <c>as_of</c> date, rows without a source,
/// and references to companies or sites that do not exist.
/// </summary>
/// <remarks>Empty cells mean "not disclosed" and stay null; nothing is filled in. Dates are yyyy-MM-dd, yyyy-MM or yyyy.</remarks>
public static class SectorCsv
{
    /// <summary>The four file names, in the order they are parsed.</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["companies.csv", "sites.csv", "contracts.csv", "events.csv"];

    private static readonly string[] CompanyColumns =
        ["ticker", "name", "shares_outstanding", "shares_as_of", "net_debt_usd", "net_debt_as_of", "market_cap_usd", "market_cap_as_of",
         "hashrate_eh_s", "hashrate_as_of", "fleet_j_per_th", "fleet_as_of", "as_of", "source", "note"];

    private static readonly string[] SiteColumns =
        ["company", "site", "location", "market", "mw", "mw_basis", "status", "use", "as_of", "source", "note"];

    private static readonly string[] ContractColumns =
        ["company", "counterparty", "site", "kind", "mw_critical_it", "total_value_usd", "term_years", "start", "backstop", "announced",
         "in_totals", "as_of", "source", "note"];

    private static readonly string[] EventColumns = ["date", "company", "site", "event", "mw", "description", "source"];

    /// <summary>Reads the four files from <paramref name="directory"/>; a missing file is a problem.</summary>
    public static ParseResult<SectorDataset> ParseDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var problems = new ProblemCollector();
        var texts = new List<(string Name, string Text)>();
        foreach (var name in FileNames)
        {
            var path = Path.Combine(directory, name);
            var text = TextInput.TryRead(path, problems);
            texts.Add((path, text ?? ""));
        }

        return problems.HasProblems ? ParseResult<SectorDataset>.Fail(problems) : Parse(texts[0], texts[1], texts[2], texts[3]);
    }

    /// <summary>The dataset committed in the repository's <c>data/sector/</c>, embedded in this assembly; problems name <c>data/sector/FILE</c>.</summary>
    public static ParseResult<SectorDataset> ParseEmbedded()
    {
        var texts = FileNames.Select(name =>
        {
            using var stream = typeof(SectorCsv).Assembly.GetManifestResourceStream("HashPivot.Data.Sector." + name)
                ?? throw new InvalidOperationException($"Embedded sector file {name} is missing from the build.");
            using var reader = new StreamReader(stream);
            return ("data/sector/" + name, reader.ReadToEnd());
        }).ToList();
        return Parse(texts[0], texts[1], texts[2], texts[3]);
    }

    /// <summary>Parses the four texts, each named by its file for problems.</summary>
    public static ParseResult<SectorDataset> Parse((string File, string Text) companies, (string File, string Text) sites, (string File, string Text) contracts, (string File, string Text) events)
    {
        var problems = new ProblemCollector();
        var companyRows = ReadCompanies(companies, problems);
        var tickers = companyRows.Select(c => c.Ticker).ToHashSet(StringComparer.Ordinal);
        var siteRows = ReadSites(sites, problems, tickers);
        var siteKeys = siteRows.Select(s => (s.Company, s.Name)).ToHashSet();
        var contractRows = ReadContracts(contracts, problems, tickers, siteKeys);
        var eventRows = ReadEvents(events, problems, tickers, siteKeys);
        return problems.HasProblems
            ? ParseResult<SectorDataset>.Fail(problems)
            : ParseResult<SectorDataset>.Ok(new SectorDataset(companyRows, siteRows, contractRows, eventRows));
    }

    private static List<SectorCompany> ReadCompanies((string File, string Text) input, ProblemCollector problems)
    {
        var rows = new List<SectorCompany>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Rows(input, CompanyColumns, problems))
        {
            var ticker = r.Text("ticker", required: true);
            var company = new SectorCompany(
                ticker,
                r.Text("name", required: true),
                r.Number("shares_outstanding", 0),
                r.DateFor("shares_as_of", "shares_outstanding"),
                r.Number("net_debt_usd", double.MinValue) is { } debt ? new Usd(debt) : null,
                r.DateFor("net_debt_as_of", "net_debt_usd"),
                r.Number("market_cap_usd", 0) is { } cap ? new Usd(cap) : null,
                r.DateFor("market_cap_as_of", "market_cap_usd"),
                r.Number("hashrate_eh_s", 0),
                r.DateFor("hashrate_as_of", "hashrate_eh_s"),
                r.Number("fleet_j_per_th", 0),
                r.DateFor("fleet_as_of", "fleet_j_per_th"),
                r.Text("source", required: true),
                r.Text("note", required: false));
            r.Date("as_of", required: false);
            if (ticker.Length > 0 && !seen.Add(ticker))
            {
                r.Problem("ticker", $"duplicate ticker '{ticker}'");
            }

            if (r.Ok)
            {
                rows.Add(company);
            }
        }

        return rows;
    }

    private static List<SectorSite> ReadSites((string File, string Text) input, ProblemCollector problems, HashSet<string> tickers)
    {
        var rows = new List<SectorSite>();
        var seen = new HashSet<(string, string, string)>();
        foreach (var r in Rows(input, SiteColumns, problems))
        {
            var company = r.Company(tickers);
            var mw = r.Number("mw", 0, positive: true);
            var asOf = r.Date("as_of", required: mw is not null);
            var basis = r.Choice("mw_basis", MwBasis.Grid, ("grid", MwBasis.Grid), ("critical_it", MwBasis.CriticalIt));
            var status = r.Choice("status", SiteStatus.Undisclosed,
                ("energized", SiteStatus.Energized), ("under_construction", SiteStatus.UnderConstruction),
                ("approved_planned", SiteStatus.ApprovedPlanned), ("prospective", SiteStatus.Prospective));
            var use = r.Choice("use", SiteUse.Undisclosed,
                ("mining", SiteUse.Mining), ("ai_hpc_lease", SiteUse.AiHpcLease), ("gpu_cloud", SiteUse.GpuCloud), ("mixed", SiteUse.Mixed));
            var site = new SectorSite(company, r.Text("site", required: true), r.Text("location", false), r.Text("market", false),
                mw is { } m ? new Megawatts(m) : null, basis, status, use, asOf, r.Text("source", required: true), r.Text("note", false));
            if (mw is null && r.Text("note", false).Length == 0)
            {
                r.Problem("note", "a row without MW must say why in 'note'");
            }

            if (!seen.Add((site.Company, site.Name, asOf?.Text ?? "")))
            {
                r.Problem("as_of", $"site '{site.Name}' of {site.Company} is already disclosed with as_of '{asOf?.Text}'");
            }

            if (r.Ok)
            {
                rows.Add(site);
            }
        }

        return rows;
    }

    private static List<AiContract> ReadContracts((string File, string Text) input, ProblemCollector problems, HashSet<string> tickers, HashSet<(string, string)> sites)
    {
        var rows = new List<AiContract>();
        foreach (var r in Rows(input, ContractColumns, problems))
        {
            var company = r.Company(tickers);
            var site = r.Text("site", false);
            if (site.Length > 0 && company.Length > 0 && !sites.Contains((company, site)))
            {
                r.Problem("site", $"no site '{site}' of {company} in sites.csv");
            }

            var kind = r.Choice("kind", (ContractKind?)null, ("colocation", ContractKind.Colocation), ("gpu_cloud", ContractKind.GpuCloud));
            if (kind is null && r.Ok)
            {
                r.Problem("kind", "required value is empty (colocation or gpu_cloud)");
            }

            var value = r.Number("total_value_usd", 0, positive: true, required: true);
            var term = r.Number("term_years", 0, positive: true, required: true);
            var announced = r.Date("announced", required: true);
            var inTotals = r.Choice("in_totals", (bool?)null, ("yes", true), ("no", false));
            if (inTotals is null && r.Ok)
            {
                r.Problem("in_totals", "required value is empty (yes or no)");
            }

            var contract = new AiContract(company, r.Text("counterparty", true), site, kind ?? ContractKind.Colocation,
                r.Number("mw_critical_it", 0, positive: true) is { } mw ? new Megawatts(mw) : null,
                new Usd(value ?? 0), term ?? 1, r.Date("start", false), r.Text("backstop", false), announced!,
                inTotals ?? false, r.Text("source", true), r.Text("note", false));
            r.Date("as_of", required: true);
            if (r.Ok)
            {
                rows.Add(contract);
            }
        }

        return rows;
    }

    private static List<SectorEvent> ReadEvents((string File, string Text) input, ProblemCollector problems, HashSet<string> tickers, HashSet<(string, string)> sites)
    {
        var rows = new List<SectorEvent>();
        foreach (var r in Rows(input, EventColumns, problems))
        {
            var date = r.Date("date", required: true);
            var company = r.Company(tickers);
            var site = r.Text("site", false);
            if (site.Length > 0 && company.Length > 0 && !sites.Contains((company, site)))
            {
                r.Problem("site", $"no site '{site}' of {company} in sites.csv");
            }

            var row = new SectorEvent(date!, company, site, r.Text("event", true),
                r.Number("mw", 0, positive: true) is { } mw ? new Megawatts(mw) : null, r.Text("description", true), r.Text("source", true));
            if (r.Ok)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static IEnumerable<Row> Rows((string File, string Text) input, string[] columns, ProblemCollector problems)
    {
        var csv = CsvDocument.Open(input.Text, input.File, problems);
        if (csv is null)
        {
            yield break;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        foreach (var name in columns)
        {
            var i = csv.Header.Find(name);
            if (i < 0)
            {
                problems.Add(input.File, 1, name, "required column is missing from the header");
                ok = false;
            }

            index[name] = i;
        }

        for (var i = 0; i < csv.Header.Count; i++)
        {
            var key = CsvHeader.Key(csv.Header.Names[i]);
            if (!columns.Any(c => CsvHeader.Key(c) == key))
            {
                problems.Add(input.File, 1, csv.Header.Names[i], $"unknown column; expected {string.Join(", ", columns)}");
                ok = false;
            }
        }

        if (!ok)
        {
            yield break;
        }

        while (csv.NextRow())
        {
            yield return new Row(csv, index);
        }
    }

    // One data row: typed cell readers that report located problems and remember whether the row is clean.
    private sealed class Row(CsvDocument csv, Dictionary<string, int> index)
    {
        private readonly int _before = csv.Problems.TotalCount;

        public bool Ok => csv.Problems.TotalCount == _before;

        public void Problem(string column, string message) => csv.Report(index[column], message);

        public string Text(string column, bool required)
        {
            var text = csv[index[column]].Trim().ToString();
            if (required && text.Length == 0)
            {
                Problem(column, "required value is empty");
            }

            return text;
        }

        public string Company(HashSet<string> tickers)
        {
            var ticker = Text("company", required: true);
            if (ticker.Length > 0 && !tickers.Contains(ticker))
            {
                Problem("company", $"'{ticker}' is not a ticker in companies.csv");
            }

            return ticker;
        }

        public double? Number(string column, double min, bool positive = false, bool required = false)
        {
            var cell = csv[index[column]].Trim();
            if (cell.IsEmpty)
            {
                if (required)
                {
                    Problem(column, "required value is empty");
                }

                return null;
            }

            if (!csv.TryDouble(index[column], out var value))
            {
                return null;
            }

            if (value < min || (positive && value <= 0))
            {
                Problem(column, string.Create(CultureInfo.InvariantCulture, $"must be {(positive ? "positive" : $"at least {min:G}")}, found {value:G}"));
                return null;
            }

            return value;
        }

        public FactDate? Date(string column, bool required)
        {
            var cell = csv[index[column]].Trim().ToString();
            if (cell.Length == 0)
            {
                if (required)
                {
                    Problem(column, "required date is empty (every figure needs the date it was disclosed)");
                }

                return null;
            }

            var date = FactDate.TryParse(cell);
            if (date is null)
            {
                Problem(column, $"'{CsvValues.Clip(cell)}' is not a date (expected yyyy-MM-dd, yyyy-MM or yyyy)");
            }

            return date;
        }

        // The date column of a figure: required exactly when the figure is present.
        public FactDate? DateFor(string dateColumn, string figureColumn)
        {
            var hasFigure = !csv[index[figureColumn]].Trim().IsEmpty;
            var date = Date(dateColumn, required: hasFigure);
            if (!hasFigure && date is not null)
            {
                Problem(dateColumn, $"a date without a figure in '{figureColumn}'");
            }

            return date;
        }

        public T Choice<T>(string column, T empty, params (string Name, T Value)[] choices)
        {
            var cell = csv[index[column]].Trim().ToString();
            if (cell.Length == 0)
            {
                return empty;
            }

            foreach (var (name, value) in choices)
            {
                if (string.Equals(name, cell, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            Problem(column, $"'{CsvValues.Clip(cell)}' is not one of {string.Join(", ", choices.Select(c => c.Name))}");
            return empty;
        }
    }
}
