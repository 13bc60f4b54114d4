using HashPivot.Data.Store;

namespace HashPivot.Data.Tests.Store;

// Workspaces (schema v3): what one workspace stores, another cannot see, change or delete, and the store's own
// space (the CLI's) keeps seeing only its own rows. Runs on SQLite and PostgreSQL like the rest of the contract.
public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task WorkspaceDatasets_SameNameInTwoWorkspaces_EachSeesOnlyItsOwn()
    {
        var (a, b) = await TwoWorkspacesAsync();
        await a.SaveDatasetAsync(Info("prices"), [Daily("x", "USD/MWh", [1, 2])]);
        await b.SaveDatasetAsync(Info("prices"), [Daily("y", "USD/MWh", [3])]);
        await Store.SaveDatasetAsync(Info("cli-own"), [Daily("z", "USD", [4])]);

        Assert.Equal(["prices"], (await a.ListDatasetsAsync()).Select(d => d.Info.Name));
        Assert.Equal(["x"], (await a.GetDatasetAsync("prices"))!.SeriesNames);
        Assert.Equal(["y"], (await b.GetDatasetAsync("prices"))!.SeriesNames);
        Assert.Null(await a.GetSeriesAsync("prices", "y"));
        Assert.Null(await a.GetDatasetAsync("cli-own"));
        Assert.Equal(["cli-own"], (await Store.ListDatasetsAsync()).Select(d => d.Info.Name));
        Assert.Null(await Store.GetDatasetAsync("prices"));
    }

    [StoreFact]
    public async Task WorkspaceDatasets_DeleteOrReplaceFromAnotherWorkspace_LeavesOwnerIntact()
    {
        var (a, b) = await TwoWorkspacesAsync();
        await a.SaveDatasetAsync(Info("prices"), [Daily("x", "USD/MWh", [1, 2])]);

        Assert.False(await b.DeleteDatasetAsync("prices"));
        Assert.False(await Store.DeleteDatasetAsync("prices"));
        await b.SaveDatasetAsync(Info("prices"), [Daily("other", "USD/MWh", [9])], replace: true);

        var kept = await a.GetSeriesAsync("prices", "x");
        Assert.Equal([1.0, 2.0], kept!.Values.ToArray());
    }

    [StoreFact]
    public async Task WorkspaceRuns_VisibleOnlyInTheirWorkspace()
    {
        var (a, b) = await TwoWorkspacesAsync();
        var run = Run("dispatch", 1);
        await a.SaveRunAsync(run);
        await Store.SaveRunAsync(Run("compare", 2));

        Assert.NotNull(await a.GetRunAsync(run.Id));
        Assert.Null(await b.GetRunAsync(run.Id));
        Assert.Null(await Store.GetRunAsync(run.Id));
        Assert.Empty(await b.ListRunsAsync());
        Assert.Equal(["dispatch"], (await a.ListRunsAsync()).Select(r => r.Kind));
        Assert.Equal(["compare"], (await Store.ListRunsAsync()).Select(r => r.Kind));
    }

    [StoreFact]
    public async Task Portfolios_OtherWorkspaceById_IsNullAndCannotChangeIt()
    {
        var (a, b) = await TwoWorkspacesAsync();
        var created = await a.CreatePortfolioAsync("sample", "sites: []");

        Assert.Null(await b.GetPortfolioAsync(created.Id));
        Assert.False(await b.UpdatePortfolioAsync(created.Id, "stolen", "sites: [x]"));
        Assert.False(await b.DeletePortfolioAsync(created.Id));
        var mine = await a.GetPortfolioAsync(created.Id);
        Assert.Equal(("sample", "sites: []"), (mine!.Name, mine.Document));
        Assert.Empty(await b.ListPortfoliosAsync());
        await Assert.ThrowsAsync<NameTakenException>(() => a.CreatePortfolioAsync("sample", "x: 1"));
        Assert.Equal("sample", (await b.CreatePortfolioAsync("sample", "y: 2")).Name); // names are per workspace
    }

    [StoreFact]
    public async Task Portfolios_UpdateThenDelete_ChangesAndRemovesOnlyThatOne()
    {
        var (a, _) = await TwoWorkspacesAsync();
        var first = await a.CreatePortfolioAsync("one", "a: 1");
        var second = await a.CreatePortfolioAsync("two", "b: 2");

        Assert.True(await a.UpdatePortfolioAsync(first.Id, "one-renamed", "a: 3"));
        await Assert.ThrowsAsync<NameTakenException>(() => a.UpdatePortfolioAsync(first.Id, "two", "a: 4"));
        Assert.True(await a.DeletePortfolioAsync(second.Id));

        var left = Assert.Single(await a.ListPortfoliosAsync());
        Assert.Equal(("one-renamed", "a: 3"), (left.Name, left.Document));
    }

    [StoreFact]
    public async Task ApiToken_FoundByHashWithTheMembersCurrentRole()
    {
        var workspace = await Store.CreateWorkspaceAsync("ops");
        var user = await Store.CreateUserAsync("ana@example.com", "hash-of-password");
        await Store.SetMembershipAsync(workspace.Id, user.Id, WorkspaceRole.Editor);
        await Store.CreateApiTokenAsync(user.Id, workspace.Id, "script", "token-hash-1");

        var grant = await Store.FindApiTokenAsync("token-hash-1");
        await Store.SetMembershipAsync(workspace.Id, user.Id, WorkspaceRole.Viewer);
        var demoted = await Store.FindApiTokenAsync("token-hash-1");

        Assert.Equal((workspace.Id, user.Id, WorkspaceRole.Editor, "script"), (grant!.Membership.Workspace.Id, grant.Membership.UserId, grant.Membership.Role, grant.Name));
        Assert.Equal(WorkspaceRole.Viewer, demoted!.Membership.Role);
        Assert.Null(await Store.FindApiTokenAsync("token-hash-2"));
    }

    [StoreFact]
    public async Task Users_EmailUniqueAndMembershipsListed()
    {
        var w1 = await Store.CreateWorkspaceAsync("b-team");
        var w2 = await Store.CreateWorkspaceAsync("a-team");
        var user = await Store.CreateUserAsync("bo@example.com", "h");
        await Store.SetMembershipAsync(w1.Id, user.Id, WorkspaceRole.Admin);
        await Store.SetMembershipAsync(w2.Id, user.Id, WorkspaceRole.Viewer);

        await Assert.ThrowsAsync<NameTakenException>(() => Store.CreateUserAsync("bo@example.com", "h2"));
        await Assert.ThrowsAsync<NameTakenException>(() => Store.CreateWorkspaceAsync("a-team"));
        Assert.True(await Store.HasUsersAsync());
        Assert.Equal("h", (await Store.FindUserAsync("bo@example.com"))!.PasswordHash);
        Assert.Null(await Store.FindUserAsync("BO@example.com "));
        Assert.Equal([("a-team", WorkspaceRole.Viewer), ("b-team", WorkspaceRole.Admin)],
            (await Store.GetMembershipsAsync(user.Id)).Select(m => (m.Workspace.Name, m.Role)));
    }

    private async Task<(WorkspaceStore A, WorkspaceStore B)> TwoWorkspacesAsync()
    {
        var a = await Store.CreateWorkspaceAsync("workspace-a");
        var b = await Store.CreateWorkspaceAsync("workspace-b");
        return (Store.ForWorkspace(a.Id), Store.ForWorkspace(b.Id));
    }
}
