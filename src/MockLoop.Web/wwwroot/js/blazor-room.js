// The Blazor room's one piece of page glue: ask before leaving while changes are not saved yet. The count comes
// from the room's outbox (.NET) synchronously, so the browser's prompt reflects the moment of leaving.
window.mockloopRoom = {
  guardUnload(room) {
    window.addEventListener("beforeunload", (event) => {
      let unsaved = 0;
      try {
        unsaved = room.invokeMethod("UnsavedCount");
      } catch {
        unsaved = 0;
      }
      if (unsaved > 0) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  },
};

// Export: the room renders the diagram as SVG (the report's DiagramSvg) into a hidden element; these save it, as
// SVG text or drawn onto a canvas at twice the size as PNG.
Object.assign(window.mockloopRoom, {
  svgText(container) {
    const svg = container.querySelector("svg");
    if (!svg) throw new Error("Nothing to export yet.");
    const copy = svg.cloneNode(true);
    copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    const [, , width, height] = copy.getAttribute("viewBox").split(" ").map(Number);
    copy.setAttribute("width", width);
    copy.setAttribute("height", height);
    copy.removeAttribute("style");
    return { text: new XMLSerializer().serializeToString(copy), width, height };
  },
  save(blob, fileName) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  },
  exportSvg(container, name) {
    const { text } = this.svgText(container);
    this.save(new Blob([text], { type: "image/svg+xml" }), name + ".svg");
  },
  async exportPng(container, name) {
    const { text, width, height } = this.svgText(container);
    const image = new Image();
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
    await image.decode();
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
    this.save(blob, name + ".png");
  },
});

// The canvas's inline label editor: focused with its text selected, so typing replaces the name.
Object.assign(window.mockloopRoom, {
  focusAndSelect(field) {
    if (!field) return;
    field.focus();
    field.select();
  },
});

// One person, one room, several tabs of the same browser (issue 20): each tab says "opened" and, when it joins the
// call, "call" on a channel of the room's own; the others hear it and the room tells the person. No server round
// trip: this is one browser's business.
Object.assign(window.mockloopRoom, {
  watchTabs(sessionId, room) {
    if (typeof BroadcastChannel === "undefined") return null;
    const channel = new BroadcastChannel("mockloop-room-" + sessionId);
    // "opened": a tab just opened (the others answer "here", so it learns of them too); "taken": a tab asked to be
    // the one in use; "call": a tab joined the call.
    channel.onmessage = (event) => {
      const kind = event.data && event.data.kind;
      if (kind === "opened") channel.postMessage({ kind: "here" });
      if (kind === "opened" || kind === "here" || kind === "taken" || kind === "call") room.invokeMethodAsync("OtherTab", kind);
    };
    channel.postMessage({ kind: "opened" });
    return {
      say(kind) { channel.postMessage({ kind }); },
      close() { channel.close(); },
    };
  },
});

// The canvas from the keyboard: on a node (or the drawing itself) the arrow keys and Space are the canvas's (move
// focus, move the node, select), so the page must not scroll with them too. Blazor cannot prevent the default of
// some keys and not others (Tab must still leave), hence this listener.
Object.assign(window.mockloopRoom, {
  canvasKeys(host) {
    if (!host || host.dataset.canvasKeys) return;
    host.dataset.canvasKeys = "on";
    const keys = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", " "]);
    host.addEventListener("keydown", (event) => {
      const typing = event.target.closest("input, textarea, select, [contenteditable]");
      if (!typing && keys.has(event.key)) event.preventDefault();
    });
  },
  // A skip link's target: focused (made focusable if it is not) and scrolled into view, once the room has drawn it
  // (a skip to scoring first opens its tab).
  focusTarget(selectors) {
    requestAnimationFrame(() => {
      const target = selectors.map((s) => document.querySelector(s)).find((e) => e);
      if (!target) return;
      if (!target.hasAttribute("tabindex") && target.tabIndex < 0) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "nearest" });
    });
  },
});
