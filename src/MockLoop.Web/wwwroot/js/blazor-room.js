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
