using MockLoop.Core.Diagrams;
using MockLoop.Web.Client.Canvas.Announcements;

namespace MockLoop.Web.Client.Canvas;

/// <summary>
/// The partner's changes said through a polite live region, for those who cannot watch the canvas: "Cal added
/// Feature store". The room hands over only the partner's confirmed ops, so one's own edits and drag previews are
/// never said.
/// </summary>
public partial class RoomCanvas
{
    private PartnerAnnouncer? announcer;
    private string announcement = "";
    private bool announcedOdd;

    /// <summary>A confirmed op of the partner's, with the document as it was before it (to name what it deleted).</summary>
    public void AnnouncePartnerOp(DiagramDocument before, DiagramOp op)
    {
        if (ChangeWords.Of(before, op) is { } words)
        {
            announcer ??= new PartnerAnnouncer(Clock, Say);
            announcer.Add(PeerName ?? "Your partner", words);
        }
    }

    private void Say(string message) => _ = InvokeAsync(() =>
    {
        // The same words twice in a row (two moves of one node) would not change the region, and a screen reader says
        // only changes: an invisible mark alternates so each one is new.
        announcedOdd = !announcedOdd;
        announcement = announcedOdd ? message : message + "\u200B";
        StateHasChanged();
    });
}
