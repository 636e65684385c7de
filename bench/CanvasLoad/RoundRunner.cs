namespace CanvasLoad;

/// <summary>
/// One round (one R): open R interviews through the pages, 2R hub connections, the first nodes, the measured
/// window, the drain, then the checks against PostgreSQL. See bench/README.md for what each phase means.
/// </summary>
internal sealed class RoundRunner(Options options, Psql psql, ServerLog serverLog, int? postmasterPid)
{
    private const int SetupConcurrency = 20;      // page requests in flight while opening interviews
    private const int ConnectConcurrency = 50;    // hub connections being opened at once
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan IdleSettle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LateDeliveryGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DatabaseQuietLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan FirstNodesLimit = TimeSpan.FromSeconds(180);

    private static void Say(string message) => Console.Error.WriteLine($"\u001b[1;34mbench:\u001b[0m {message}");

    public async Task<RoundResult> RunAsync(int index, int rooms, int windowSeconds, BenchUser a, BenchUser b)
    {
        var round = new Round(index);
        var clientLog = new ClientLog();
        serverLog.Since(); // this round's slice of the log starts here
        var pids = options.ServerPids;

        Say($"R={rooms}: opening {rooms} interviews through the pages");
        var t0 = Clock.Now;
        var sessionIds = new Guid[rooms];
        await Parallel.ForAsync(0, rooms, new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency },
            async (i, _) => sessionIds[i] = await BenchUser.OpenInterviewAsync(a, b));
        var interviewsSeconds = (Clock.Now - t0) / 1000;

        await Task.Delay(Settle);
        var baselineRss = ProcReadings.SumRssKb(pids);

        Say($"R={rooms}: opening {2 * rooms} hub connections");
        var roomList = sessionIds.Select((id, i) => new Room(round, i, id)).ToArray();
        var participants = roomList.SelectMany(room => new[]
        {
            new Participant(room, Side.A, a, clientLog), new Participant(room, Side.B, b, clientLog),
        }).ToArray();
        var peakRss = baselineRss;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, ProcReadings.SumRssKb(pids));
                await Task.Delay(250, CancellationToken.None);
            }
        });
        var connectFailures = 0;
        var connectErrors = new HashSet<string>();
        RoundResult? partial = null;
        double connectionsSeconds = 0, firstNodesSeconds = 0;
        try
        {
            t0 = Clock.Now;
            await Parallel.ForAsync(0, participants.Length, new ParallelOptions { MaxDegreeOfParallelism = ConnectConcurrency }, async (i, _) =>
            {
                try
                {
                    await participants[i].ConnectAsync();
                }
                catch (Exception ex)
                {
                    lock (connectErrors)
                    {
                        connectFailures++;
                        round.Sample(connectErrors, ex.Message);
                    }
                    participants[i].Failed = true;
                }
            }).WaitAsync(ConnectLimit);
            connectionsSeconds = (Clock.Now - t0) / 1000;
            // A room edits only when both of its participants are connected; failed connections are reported.
            foreach (var p in participants.Where(p => p.Failed))
            {
                p.Room.Failed = true;
            }
            var live = participants.Where(p => !p.Room.Failed).ToArray();
            // The "connected, idle" memory figure: let the connections' first allocations settle before reading RSS.
            await Task.Delay(IdleSettle);
            var connectedRss = ProcReadings.SumRssKb(pids);

            Say($"R={rooms}: each participant adds its first nodes and links");
            t0 = Clock.Now;
            // The candidate's types differ from the interviewer's; the interviewer's first node is the shared one.
            await Task.WhenAll(live.Where(p => p.Side == Side.A).Select(p => p.WarmUpAsync())).WaitAsync(FirstNodesLimit);
            await Task.WhenAll(live.Where(p => p.Side == Side.B).Select(p => p.WarmUpAsync())).WaitAsync(FirstNodesLimit);
            firstNodesSeconds = (Clock.Now - t0) / 1000;
            int firstNodesOps;
            lock (round.Gate)
            {
                firstNodesOps = round.Sent.Count;
            }

            Say($"R={rooms}: editing for {windowSeconds} s");
            await using var lag = new TimerLag();
            var cpu0 = CpuReading.Take(pids, postmasterPid);
            lock (round.Gate)
            {
                round.WindowStart = Clock.Now;
                round.WindowEnd = round.WindowStart + windowSeconds * 1000.0;
            }
            await Task.WhenAll(live.Select(p => Task.Run(() => p.EditAsync(round.WindowStart, round.WindowEnd))));
            await Clock.SleepUntil(round.WindowEnd);
            var timerLag = await lag.StopAsync();
            var cpu1 = CpuReading.Take(pids, postmasterPid);
            var endRss = ProcReadings.SumRssKb(pids);
            peakRss = Math.Max(peakRss, endRss);
            var inFlightAtEnd = live.Sum(p => p.InFlight);

            // Drain: in-flight acks and deliveries to the peer, for at most DrainLimit.
            var drainStart = Clock.Now;
            bool Settled()
            {
                lock (round.Gate)
                {
                    return live.All(p => p.InFlight == 0) && round.Sent.Values.All(r => r.AckedAt is null || r.PeerSeen > 0);
                }
            }
            while (!Settled() && Clock.Now - drainStart < DrainLimit.TotalMilliseconds)
            {
                await Task.Delay(100);
            }
            var drainSeconds = (Clock.Now - drainStart) / 1000;
            // When the drain ran out (a backlog), judge only the ops acknowledged by now, and give their broadcasts
            // (sent by the server before the ack) a moment to arrive: the peer's socket is read after the sender's.
            var cutoff = Clock.Now;
            var unackedAfterDrain = live.Sum(p => p.InFlight);
            Dictionary<Room, long> maxSeqAtCutoff;
            lock (round.Gate)
            {
                maxSeqAtCutoff = roomList.ToDictionary(r => r, r => r.MaxSeq);
            }
            if (!Settled())
            {
                await Task.Delay(LateDeliveryGrace);
            }

            lock (round.Gate)
            {
                var records = round.Sent.Values.ToArray();
                var acked = records.Where(r => r.AckedAt is { } at && at <= cutoff).ToArray();
                var gaps = 0;
                foreach (var p in live)
                {
                    for (var s = p.BaseSeq + 1; s <= maxSeqAtCutoff[p.Room]; s++)
                    {
                        gaps += p.Seen.Contains(s) ? 0 : 1;
                    }
                }
                partial = new RoundResult(
                    rooms, 2 * rooms, windowSeconds,
                    new SetupSeconds(interviewsSeconds, connectionsSeconds, firstNodesSeconds),
                    connectFailures, [.. connectErrors], firstNodesOps, drainSeconds,
                    new OpFigures(
                        round.IssuedInWindow, round.IssuedInWindow / (double)windowSeconds,
                        round.AckedInWindow, round.AckedInWindow / (double)windowSeconds,
                        records.Count(r => r.AckedAt is not null), acked.Length, records.Length,
                        new Dictionary<string, int>(round.Refused), round.InvokeErrors, [.. round.InvokeErrorSamples],
                        inFlightAtEnd, unackedAfterDrain, round.SkippedBacklog, 0),
                    new LatencyFigures(LatencySummary.Of(round.AckLatency), LatencySummary.Of(round.PeerLatency)),
                    new IntegrityFigures(
                        acked.Count(r => r.PeerSeen == 0), acked.Count(r => r.SelfSeen == 0), round.DuplicateSeqs,
                        round.DuplicateDeliveries, gaps, round.OutOfOrder, round.SeqMismatches, round.UnexpectedCloses, 0, 0, 0),
                    new VolatileFigures(round.PreviewsSent, round.PeerDragsReceived, round.CursorsSent),
                    new MemoryFigures(baselineRss, connectedRss, endRss, peakRss),
                    CpuReading.Between(cpu0, cpu1),
                    new LoadGeneratorFigures(timerLag, clientLog.Warnings, clientLog.Errors, clientLog.Samples),
                    0, new LogSlice(0, 0, 0, []));
            }
        }
        finally
        {
            await sampling.CancelAsync();
            await sampler;
            Say($"R={rooms}: closing the connections");
            try
            {
                await Task.WhenAll(participants.Select(p => p.StopAsync())).WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException ex)
            {
                Say(ex.Message);
            }
        }

        // Unacknowledged ops may still be committed after their connection closed: count the rows once things are quiet.
        var quietSeconds = await psql.WaitForQuietAsync(sessionIds, DatabaseQuietLimit);
        var rows = await psql.DiagramRowsAsync(sessionIds);
        var measured = partial ?? throw new InvalidOperationException("the round ended without figures");
        HashSet<string> ackedIds;
        lock (round.Gate)
        {
            ackedIds = round.Sent.Where(p => p.Value.AckedAt is not null).Select(p => p.Key).ToHashSet();
        }
        return measured with
        {
            Ops = measured.Ops with { Persisted = rows.Count },
            Integrity = measured.Integrity with
            {
                LostInDatabase = ackedIds.Count(id => !rows.ClientIds.Contains(id)),
                DuplicateOpRows = rows.Duplicated,
                PersistedButNotAcked = rows.ClientIds.Count(id => !ackedIds.Contains(id)),
            },
            DatabaseQuietSeconds = quietSeconds,
            ServerLog = serverLog.Since(),
        };
    }
}

/// <summary>CPU counters at one moment: the server's nodes (and their threads), PostgreSQL, the machine, this process.</summary>
internal sealed record CpuReading(
    double At,
    double Server,
    Dictionary<string, (string Name, long Ticks)> Threads,
    Dictionary<int, long> Postgres,
    bool PostgresKnown,
    double Machine,
    double Self)
{
    public static CpuReading Take(IReadOnlyList<int> pids, int? postmasterPid) => new(
        Clock.Now, ProcReadings.SumCpuSeconds(pids), ProcReadings.ThreadTicks(pids), ProcReadings.PostgresTicks(postmasterPid),
        postmasterPid is not null, ProcReadings.MachineBusySeconds(), ProcReadings.OwnCpuSeconds());

    public static CpuFigures Between(CpuReading before, CpuReading after)
    {
        var seconds = (after.At - before.At) / 1000;
        return new CpuFigures(
            Math.Round(after.Server - before.Server, 2),
            ProcReadings.ThreadSecondsBetween(before.Threads, after.Threads),
            after.PostgresKnown ? Math.Round(ProcReadings.PostgresSecondsBetween(before.Postgres, after.Postgres), 2) : null,
            Math.Round(after.Self - before.Self, 2),
            Math.Round(after.Machine - before.Machine, 2),
            // The edit loops can end a little after the window when the load generator lags: the real span counts.
            Math.Round(seconds, 2),
            Math.Round(seconds * ProcReadings.Cores(), 2));
    }
}
