using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using MockLoop.Core.Contracts;
using MockLoop.Web.Rooms;

namespace MockLoop.Web.Tests.Rooms;

/// <summary>
/// The Blazor room invokes the hub by the names in Core's <see cref="InterviewHubMethods"/>; these hold the server's
/// hub to them, so renaming a hub method without the contract (or the other way round) fails here, not in a browser.
/// </summary>
public sealed class HubContractTests
{
    private static readonly Dictionary<string, Type[]> ExpectedArguments = new()
    {
        [InterviewHubMethods.Sync] = [typeof(long)],
        [InterviewHubMethods.Timer] = [typeof(System.Text.Json.JsonElement), typeof(string)],
        [InterviewHubMethods.SendChat] = [typeof(string), typeof(string)],
        [InterviewHubMethods.SaveNote] = [typeof(string), typeof(string), typeof(string)],
        [InterviewHubMethods.SubmitOp] = [typeof(System.Text.Json.JsonElement)],
        [InterviewHubMethods.Cursor] = [typeof(double), typeof(double)],
        [InterviewHubMethods.DragPreview] = [typeof(string), typeof(double), typeof(double)],
        [InterviewHubMethods.ScoreCriterionMarks] = [typeof(string), typeof(string), typeof(int?), typeof(string), typeof(bool), typeof(int[]), typeof(string)],
        [InterviewHubMethods.RecordRedFlag] = [typeof(string), typeof(string), typeof(bool), typeof(string)],
        [InterviewHubMethods.SelfAssess] = [typeof(string), typeof(string), typeof(int?), typeof(string)],
        [InterviewHubMethods.SubmitScorecard] = [typeof(string), typeof(string), typeof(string), typeof(string), typeof(string)],
        [InterviewHubMethods.StartReturnMatch] = [],
        [InterviewHubMethods.CallIceServers] = [],
        [InterviewHubMethods.CallPresence] = [typeof(CallPresenceRequest)],
        [InterviewHubMethods.CallDescription] = [typeof(CallDescriptionRequest)],
        [InterviewHubMethods.CallCandidate] = [typeof(CallCandidateRequest)],
        [InterviewHubMethods.ChatBefore] = [typeof(long)],
    };

    [Fact]
    public void Every_contract_method_is_a_hub_method_taking_the_documented_arguments()
    {
        Assert.Equal(ExpectedArguments.Keys.Order(), InterviewHubMethods.All.Order());
        foreach (var name in InterviewHubMethods.All)
        {
            var method = Assert.Single(typeof(InterviewHub).GetMethods(BindingFlags.Public | BindingFlags.Instance), m => m.Name == name);
            var sentByClient = method.GetParameters()
                .Where(p => p.GetCustomAttribute<FromServicesAttribute>() is null)
                .Select(p => p.ParameterType)
                .ToArray();
            Assert.True(ExpectedArguments[name].SequenceEqual(sentByClient),
                $"{name} takes ({string.Join(", ", sentByClient.Select(t => t.Name))}) from the client");
        }
    }

    [Fact]
    public void Every_public_hub_method_is_in_the_contract()
    {
        var hubMethods = typeof(InterviewHub)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)))
            .Select(m => m.Name)
            .Order();
        Assert.Equal(InterviewHubMethods.All.Order(), hubMethods);
    }
}
