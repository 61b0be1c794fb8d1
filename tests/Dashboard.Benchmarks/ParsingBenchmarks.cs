using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Dashboard.Senders.Firstbird;
using Dashboard.Senders.Idibu;
using Dashboard.Simulation;

namespace Dashboard.Benchmarks;

/// <summary>The parsers on the bodies the sample generator sends: what each delivery costs before any database work.</summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    private const string Json = "application/json";
    private byte[] _candidate = [];
    private string? _candidateEvent;
    private byte[] _vacancy = [];
    private string? _vacancyEvent;
    private byte[] _firstbirdFifty = [];

    [GlobalSetup]
    public void Setup()
    {
        var traffic = SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 400, Seed = 7 });
        // The candidate with the most vacancies on it: the largest snapshot the generator sends.
        var candidate = traffic.Deliveries.Where(d => d.Provider == "idibu" && d.Subject is not null)
            .MaxBy(d => d.Body.Length)!;
        var vacancy = traffic.Deliveries.First(d => d.Provider == "idibu" && d.Subject is null);
        (_candidate, _candidateEvent) = (candidate.Body, candidate.Headers["X-Idibu-Event"]);
        (_vacancy, _vacancyEvent) = (vacancy.Body, vacancy.Headers["X-Idibu-Event"]);

        // firstbird batches carry 1 to 10 events; pack 50 of its envelopes into one array, as a busy hour would.
        var envelopes = traffic.Deliveries.Where(d => d.Provider == "firstbird")
            .SelectMany(d => JsonNode.Parse(d.Body)!.AsArray().Select(e => e!.DeepClone()))
            .Take(50);
        _firstbirdFifty = JsonSerializer.SerializeToUtf8Bytes(new JsonArray(envelopes.ToArray()));
    }

    [Benchmark]
    public IdibuParseResult IdibuCandidate() => IdibuPayloadParser.Parse(_candidate, Json, _candidateEvent);

    [Benchmark]
    public IdibuParseResult IdibuVacancy() => IdibuPayloadParser.Parse(_vacancy, Json, _vacancyEvent);

    [Benchmark]
    public FirstbirdDelivery FirstbirdBatchOfFifty() => FirstbirdEnvelopeParser.Parse(_firstbirdFifty, Json);
}
