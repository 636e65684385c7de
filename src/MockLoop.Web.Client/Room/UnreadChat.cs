using MockLoop.Core.Contracts;

namespace MockLoop.Web.Client.Room;

/// <summary>
/// The partner's chat messages that arrived while the chat was not shown. What the room holds when it first loads
/// counts as read (history, not news), and so do earlier pages loaded on request: their seqs are older than the mark.
/// </summary>
public sealed class UnreadChat
{
    private long? readUpTo;

    /// <summary>The first load sets the mark; later loads (a reconnect's catch-up) bring news, so they leave it.</summary>
    public void Loaded(IReadOnlyList<ChatMessageView> chat)
    {
        if (readUpTo is null)
        {
            MarkRead(chat);
        }
    }

    /// <summary>Everything held now has been seen.</summary>
    public void MarkRead(IReadOnlyList<ChatMessageView> chat) =>
        readUpTo = Math.Max(readUpTo ?? 0, chat.Count == 0 ? 0 : chat.Max(m => m.Seq));

    /// <summary>The partner's messages after the mark; our own never count.</summary>
    public int Count(IReadOnlyList<ChatMessageView> chat, Guid me) =>
        readUpTo is { } upTo ? chat.Count(m => m.Seq > upTo && m.AuthorId != me) : 0;
}
