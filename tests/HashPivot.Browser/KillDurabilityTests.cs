using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace HashPivot.Browser;

// Tests that need the real server process (this project starts it for the browser too): kill -9 during concurrent run
// saves, restart on the same SQLite file, and check that every run whose save was acknowledged is intact and that no
// run is half-written (each run is one INSERT in one transaction; SQLite's WAL makes a commit durable before the 200).
public sealed class KillDurabilityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task KillDuringConcurrentRunSaves_AfterRestartEveryAcknowledgedRunIsIntactAndNoneIsPartial()
    {
        var first = await ServerProcess.StartAsync();
        var directory = first.Directory;
        var acknowledged = new ConcurrentBag<string>();
        using (var client = await first.AdminClientAsync())
        {
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(async w =>
            {
                var k = 0;
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var response = await client.PostAsJsonAsync("/api/v1/dispatch",
                            new { quick = new { fleet_mw = 50 + w, fleet_jth = 15 + (k++ % 10) }, prices = "synthetic-grid-2024", hashprice_usd_per_ph_day = 40 });
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_id").GetString()!);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            }).ToList();

            // Let saves overlap for a while, then SIGKILL the server in the middle of them.
            while (acknowledged.Count < 12)
            {
                await Task.Delay(50);
            }

            await first.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await first.StopKeepingStoreAsync();
        await using var second = await ServerProcess.StartAsync(directory);
        using var after = await second.AdminClientAsync();
        var listed = await after.GetFromJsonAsync<JsonElement>("/api/v1/runs?kind=dispatch");
        var ids = listed.EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToHashSet();

        output.WriteLine($"acknowledged before kill -9: {acknowledged.Count}; stored after restart: {ids.Count} (the difference committed but was not answered)");
        Assert.True(acknowledged.Count >= 12);
        Assert.Superset(acknowledged.ToHashSet(), ids); // every acknowledged run survived
        foreach (var id in ids)
        {
            // Intact: inputs hash to the stored hash, the results parse, and the schedule has every interval of the year.
            var run = await after.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{id}");
            Assert.Equal(HashPivot.Data.Store.RunInputs.Hash(run.GetProperty("inputs").GetRawText()), run.GetProperty("input_hash").GetString());
            var schedule = run.GetProperty("results").GetProperty("schedule");
            Assert.Equal(8784, schedule.GetProperty("starts_utc").GetArrayLength());
            Assert.All(schedule.GetProperty("values").EnumerateArray(), column => Assert.Equal(8784, column.GetArrayLength()));
            Assert.Equal(HttpStatusCode.OK, (await after.GetAsync($"/api/v1/runs/{id}/schedule.csv")).StatusCode);
        }
    }
}
