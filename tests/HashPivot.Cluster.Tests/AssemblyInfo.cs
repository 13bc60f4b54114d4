// Test clusters run one at a time: the slice-execution count the fault tests read is per process, and two in-process clusters
// sharing the 2 cores would also make the kill timings meaningless.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
