using BenchmarkDotNet.Running;
using Taos.Benchmarks.Ingest;
using Taos.Benchmarks.Reader;
using Taos.Benchmarks.ServerQuery;

// No arguments or the harness's own (--smoke, --data DIR, --runs N, …): the server-query comparison (ServerQuery/).
// --reader-heap [ROWS]: the reader's heap while streaming (Reader/ReaderHeapCheck). --reader-cpu [SECONDS]: the reader
// benchmarks timed by CPU time, for a shared machine (Reader/ReaderCpuCheck). --ingest-floors [ROUNDS]: each ingest way's
// batch beside the floors under it (Ingest/IngestFloors). Anything else goes to
// BenchmarkDotNet (--filter '*Reader*', --list flat, --job short|dry, …); a benchmark that fails fails the process.
string[] harnessOptions = ["--tables", "--rows", "--runs", "--data", "--smoke"];
if (args.Length == 0 || harnessOptions.Contains(args[0]))
{
    ServerQueryHarness.Run(args);
    return 0;
}
if (args[0] == "--reader-heap")
{
    ReaderHeapCheck.Run(args[1..]);
    return 0;
}
if (args[0] == "--ingest-floors")
{
    IngestFloors.Run(args[1..]);
    return 0;
}
if (args[0] == "--reader-cpu")
{
    ReaderCpuCheck.Run(args[1..]);
    return 0;
}
var summaries = BenchmarkSwitcher.FromAssembly(typeof(ReaderBenchmarks).Assembly).Run(args);
bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;
