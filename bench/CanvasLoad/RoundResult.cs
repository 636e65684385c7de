namespace CanvasLoad;

// The figures of one round, as written to canvas-<stamp>.json (camelCase) and summed up in the markdown table.

internal sealed record RoundResult(
    int Rooms,
    int Connections,
    int WindowSeconds,
    SetupSeconds SetupSeconds,
    int ConnectFailures,
    IReadOnlyList<string> ConnectErrors,
    int FirstNodesOps,
    double DrainSeconds,
    OpFigures Ops,
    LatencyFigures Latency,
    IntegrityFigures Integrity,
    VolatileFigures Volatile,
    MemoryFigures Memory,
    CpuFigures Cpu,
    LoadGeneratorFigures LoadGenerator,
    double DatabaseQuietSeconds,
    LogSlice ServerLog);

internal sealed record SetupSeconds(double Interviews, double Connections, double FirstNodes);

internal sealed record OpFigures(
    int OfferedInWindow,
    double OfferedPerSecond,
    int AckedInWindow,
    double AckedPerSecond,
    int AckedTotal,
    int AckedByDrainEnd,
    int SubmittedTotal,
    IReadOnlyDictionary<string, int> Refused,
    int TransportErrors,
    IReadOnlyList<string> TransportErrorSamples,
    int InFlightAtWindowEnd,
    int UnackedAfterDrain,
    int SkippedBacklog,
    long Persisted);

internal sealed record LatencyFigures(LatencySummary Ack, LatencySummary Peer);

internal sealed record IntegrityFigures(
    int LostToPeer,
    int MissingOwnEcho,
    int DuplicateEventSeqs,
    int DuplicateDeliveries,
    int SeqGaps,
    int OutOfOrder,
    int SeqMismatches,
    int UnexpectedCloses,
    int LostInDatabase,
    long DuplicateOpRows,
    int PersistedButNotAcked);

internal sealed record VolatileFigures(int DragPreviewsSent, int PeerDragsReceived, int CursorsSent);

internal sealed record MemoryFigures(long BaselineRssKb, long ConnectedRssKb, long EndRssKb, long PeakRssKb)
{
    public double PerParticipantConnectedKb(int connections) => Math.Round((ConnectedRssKb - BaselineRssKb) / (double)connections, 1);

    public double PerParticipantKb(int connections) => Math.Round((EndRssKb - BaselineRssKb) / (double)connections, 1);
}

internal sealed record CpuFigures(
    double ServerSeconds,
    IReadOnlyDictionary<string, double> ServerSecondsByThread,
    double? PostgresSeconds,
    double LoadGeneratorSeconds,
    double MachineBusySeconds,
    double MeasuredSeconds,
    double AvailableCoreSeconds);

internal sealed record LoadGeneratorFigures(LatencySummary TimerLag, int ClientLogWarnings, int ClientLogErrors, IReadOnlyCollection<string> ClientLogSamples);
