using System.Collections;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Tests.Store;

// A list of series that runs an action (throw, or cancel a token) when the store reaches item `at`: the store
// has by then written the earlier series inside its transaction, so this injects a failure mid-import without
// any test hook in the store itself.
internal sealed class InterruptingList(IReadOnlyList<TimeSeries> inner, int at, Action interrupt) : IReadOnlyList<TimeSeries>
{
    public int Reached { get; private set; } = -1;

    public TimeSeries this[int index]
    {
        get
        {
            Reached = Math.Max(Reached, index);
            if (index == at)
            {
                interrupt();
            }

            return inner[index];
        }
    }

    public int Count => inner.Count;

    public IEnumerator<TimeSeries> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
