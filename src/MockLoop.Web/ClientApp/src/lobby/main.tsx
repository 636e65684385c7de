import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { LobbyApp } from "./LobbyApp";
import "../room/room.css";
import "./lobby.css";

const root = document.getElementById("lobby-root");
if (root) {
  const options = JSON.parse(root.dataset.options ?? "{}") as { rubrics?: Parameters<typeof LobbyApp>[0]["rubrics"] };
  createRoot(root).render(
    <StrictMode>
      <LobbyApp hubUrl={root.dataset.hubUrl ?? "/hubs/lobby"} rubrics={options.rubrics ?? []} />
    </StrictMode>,
  );
}
