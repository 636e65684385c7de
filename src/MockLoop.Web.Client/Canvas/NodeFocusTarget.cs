using Microsoft.AspNetCore.Components;

namespace MockLoop.Web.Client.Canvas;

/// <summary>
/// What a node's and a zone's widget share for the keyboard: the element that takes focus, and taking it when the
/// canvas asks (a new node, the end of a rename, an arrow key), without scrolling the canvas's clipped container.
/// </summary>
public abstract class NodeFocusTarget : ComponentBase
{
    [CascadingParameter] public RoomCanvas? Canvas { get; set; }

    protected ElementReference Element;

    protected abstract string NodeId { get; }

    protected int TabIndex => Canvas?.TabIndexFor(NodeId) ?? -1;

    protected string? DescribedBy => Canvas?.HintIdFor(NodeId);

    protected void Focused() => Canvas?.NodeFocused(NodeId);

    protected void Blurred() => Canvas?.NodeBlurred(NodeId);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (Canvas?.ClaimFocus(NodeId) == true)
        {
            await Element.FocusAsync(preventScroll: true);
        }
    }
}
