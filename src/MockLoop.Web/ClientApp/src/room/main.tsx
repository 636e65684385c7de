import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RoomApp } from "./RoomApp";
import "./room.css";

// The server renders #room-root with what the client needs; everything else arrives over the hub.
const root = document.getElementById("room-root");
if (root) {
  const { sessionId = "", hubUrl = "/hubs/interview", inviteUrl = "", components = "[]" } = root.dataset;
  createRoot(root).render(
    <StrictMode>
      <RoomApp sessionId={sessionId} hubUrl={hubUrl} inviteUrl={inviteUrl} components={JSON.parse(components)} />
    </StrictMode>,
  );
}
