using System.Net;
using MockLoop.Web.Client.Room;

namespace MockLoop.Web.Client.Tests;

/// <summary>A hub that will not take the connection: a lapsed sign-in is told apart from not being a participant.</summary>
public class ConnectionRefusalTests : BunitContext
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, ConnectionPhase.SignedOut)]
    [InlineData(HttpStatusCode.Forbidden, ConnectionPhase.Refused)]
    [InlineData(HttpStatusCode.ServiceUnavailable, null)]
    [InlineData(HttpStatusCode.BadGateway, null)]
    [InlineData(null, null)]
    public void Only_401_and_403_stop_the_retries_and_each_has_its_own_verdict(HttpStatusCode? status, ConnectionPhase? verdict) =>
        Assert.Equal(verdict, RoomHub.VerdictFor(status));

    [Fact]
    public void A_lapsed_sign_in_says_so_and_offers_to_sign_in_again_and_come_back_to_the_room()
    {
        var cut = Render<ConnectionRefusal>(p => p.Add(x => x.Phase, ConnectionPhase.SignedOut).Add(x => x.ReturnPath, "/s/3f1c"));

        Assert.Contains("Your sign-in has expired.", cut.Find("[role=alert]").TextContent);
        Assert.DoesNotContain("cannot join", cut.Markup);
        Assert.Equal("/account/login?returnUrl=%2Fs%2F3f1c", cut.Find("a:contains('Sign in again')").GetAttribute("href"));
        Assert.Equal("Connection: Signed out",
            Render<ConnectionBadge>(p => p.Add(x => x.Phase, ConnectionPhase.SignedOut)).Find("[role=status]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Someone_who_is_not_a_participant_is_told_so_without_an_offer_to_sign_in()
    {
        var cut = Render<ConnectionRefusal>(p => p.Add(x => x.Phase, ConnectionPhase.Refused).Add(x => x.ReturnPath, "/s/3f1c"));

        Assert.Contains("You cannot join this interview.", cut.Find("[role=alert]").TextContent);
        Assert.Empty(cut.FindAll("a"));
        Assert.Empty(Render<ConnectionRefusal>(p => p.Add(x => x.Phase, ConnectionPhase.Reconnecting)).FindAll("[role=alert]"));
    }
}
