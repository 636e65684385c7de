import { type FormEvent, useEffect, useRef, useState } from "react";
import type { ChatMessageView, CommandResult } from "./liveTypes";
import { newClientId } from "./useLiveSession";

interface Props {
  messages: ChatMessageView[];
  myUserId: string;
  readOnly: boolean;
  onSend(text: string, clientId: string): Promise<CommandResult>;
  /** Set when the log holds older messages than those shown. */
  onLoadEarlier?: () => Promise<void>;
}

export function ChatPanel({ messages, myUserId, readOnly, onSend, onLoadEarlier }: Props) {
  const [draft, setDraft] = useState("");
  const [sending, setSending] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    listRef.current?.scrollTo({ top: listRef.current.scrollHeight });
  }, [messages.length]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = draft.trim();
    if (!text) return;
    setSending(true);
    // The same id on a retry lets the server recognise a message it already stored.
    const result = await onSend(text, newClientId());
    setSending(false);
    if (result.ok) setDraft("");
  };

  return (
    <section className="panel chat" aria-label="Chat">
      <h3>Chat</h3>
      {onLoadEarlier && (
        <button type="button" className="link-button chat-earlier" onClick={() => void onLoadEarlier()}>
          Show earlier messages
        </button>
      )}
      <ol className="chat-list" ref={listRef}>
        {messages.length === 0 && <li className="empty">No messages yet.</li>}
        {messages.map((m) => (
          <li key={m.seq} className={m.authorId === myUserId ? "mine" : "theirs"}>
            <span className="chat-author">{m.authorId === myUserId ? "You" : m.authorName}</span>
            <span className="chat-text">{m.text}</span>
            <time dateTime={m.at}>{new Date(m.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}</time>
          </li>
        ))}
      </ol>
      {!readOnly && (
        <form className="chat-form" onSubmit={submit}>
          <label htmlFor="chat-input" className="sr-only">Message</label>
          <input
            id="chat-input"
            value={draft}
            maxLength={2000}
            placeholder="Write a message…"
            onChange={(e) => setDraft(e.target.value)}
            disabled={sending}
          />
          <button type="submit" className="button primary" disabled={sending || !draft.trim()}>Send</button>
        </form>
      )}
    </section>
  );
}
