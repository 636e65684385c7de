using Blazor.Diagrams.Core.Geometry;
using Microsoft.AspNetCore.Components;
using MockLoop.Core.Diagrams;
using MockLoop.Web.Client.Canvas;

namespace MockLoop.Web.Client.Tests;

/// <summary>A canvas wired like the room's: each op is recorded, applied to the document, and the document handed back.</summary>
public abstract class CanvasTestContext : BunitContext
{
    protected static readonly PaletteEntry[] Entries = [new("feature-store", "Feature store", "data", "Serves features")];
    protected readonly List<DiagramOp> ops = [];
    protected DiagramDocument document = DiagramDocument.Empty;

    protected CanvasTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 800, 600));
        SetRendererInfo(new RendererInfo("WebAssembly", isInteractive: true));
    }

    protected IRenderedComponent<RoomCanvas> RenderCanvas(bool readOnly = false, string? peerName = null)
    {
        IRenderedComponent<RoomCanvas>? cut = null;
        cut = Render<RoomCanvas>(p => p
            .Add(x => x.Document, document)
            .Add(x => x.Entries, Entries)
            .Add(x => x.ReadOnly, readOnly)
            .Add(x => x.PeerName, peerName)
            .Add(x => x.OnOp, EventCallback.Factory.Create<DiagramOp>(this, op =>
            {
                ops.Add(op);
                document = document.Apply(op);
                cut!.Render(p => p.Add(x => x.Document, document));
            })));
        return cut;
    }
}
