using System.Net;
using Microsoft.Extensions.Options;

namespace MockLoop.Web.Cluster;

/// <summary>
/// The "Cluster" section. Every app node hosts an Orleans silo that finds the others through the membership table in
/// our PostgreSQL; one node alone needs none of these set (deploy/README.md explains them, ADR 115 why).
/// </summary>
public sealed class ClusterNodeOptions
{
    public const string Section = "Cluster";

    /// <summary>This node's name in /healthz, logs and metrics; the host name and silo port when empty.</summary>
    public string? NodeName { get; set; }

    /// <summary>Nodes with the same id form one cluster; several clusters may share one database.</summary>
    public string ClusterId { get; set; } = "mockloop";

    /// <summary>
    /// The address other nodes reach this one at. Empty: the first IPv4 address of this host's name (right in a
    /// container); 127.0.0.1 for several nodes on one machine.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// The port other nodes reach this node's silo on. 0 (the default): a free port chosen at start; the others read
    /// it from the membership table. Set it where a firewall must name the port.
    /// </summary>
    public int SiloPort { get; set; }

    /// <summary>Where Orleans clients outside the nodes connect (the gateway list names it); 0 (the default) for none.</summary>
    public int GatewayPort { get; set; }

    /// <summary>
    /// How long a node waits for a probe answer. Together with <see cref="MissedProbesLimit"/> this is how fast a
    /// dead node is noticed (about ProbeTimeout × MissedProbesLimit), and how long a slow, overloaded node may pause
    /// before its peers wrongly declare it dead. Orleans' default is 5 s with 3 missed probes (~15 s).
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>How often each node re-reads the membership table (a query every period per node).</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Orleans' strongly consistent grain directory (experimental in Orleans 10) instead of its default, eventually
    /// consistent one. Off by default (ADR 162): the session log's fencing token (ADR 160) already keeps one writer per
    /// session; this is here to measure the other directory's failover cost and to switch if it proves cheaper.
    /// </summary>
    public bool StronglyConsistentDirectory { get; set; }

    public string ResolveNodeName() =>
        string.IsNullOrWhiteSpace(NodeName) ? $"{Dns.GetHostName()}-{SiloPort}" : NodeName;

    public IPAddress ResolveAdvertisedAddress()
    {
        if (!string.IsNullOrWhiteSpace(AdvertisedAddress))
        {
            return IPAddress.Parse(AdvertisedAddress);
        }
        var own = Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        return own ?? IPAddress.Loopback;
    }
}

internal sealed class ClusterNodeOptionsValidator : IValidateOptions<ClusterNodeOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterNodeOptions options)
    {
        var problems = new List<string>();
        var at = ClusterNodeOptions.Section;
        if (string.IsNullOrWhiteSpace(options.ClusterId) || options.ClusterId.Length > 64)
        {
            problems.Add($"{at}:ClusterId must be 1 to 64 characters.");
        }
        if (!string.IsNullOrWhiteSpace(options.AdvertisedAddress) && !IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            problems.Add($"{at}:AdvertisedAddress '{options.AdvertisedAddress}' is not an IP address.");
        }
        if (options.SiloPort is < 0 or > 65535)
        {
            problems.Add($"{at}:SiloPort must be 0 (a free port) or a TCP port (1-65535).");
        }
        if (options.GatewayPort is < 0 or > 65535 || (options.GatewayPort != 0 && options.GatewayPort == options.SiloPort))
        {
            problems.Add($"{at}:GatewayPort must be 0 (none) or a TCP port other than SiloPort.");
        }
        if (options.ProbeTimeout < TimeSpan.FromMilliseconds(200) || options.ProbeTimeout > TimeSpan.FromMinutes(1))
        {
            problems.Add($"{at}:ProbeTimeout must be between 200 ms and 1 minute.");
        }
        if (options.MissedProbesLimit is < 1 or > 10)
        {
            problems.Add($"{at}:MissedProbesLimit must be between 1 and 10.");
        }
        if (options.TableRefreshTimeout < TimeSpan.FromMilliseconds(500) || options.TableRefreshTimeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{at}:TableRefreshTimeout must be between 500 ms and 5 minutes.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
