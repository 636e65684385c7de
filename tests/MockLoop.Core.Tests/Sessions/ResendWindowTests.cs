using MockLoop.Core.Sessions;

namespace MockLoop.Core.Tests.Sessions;

public sealed class ResendWindowTests
{
    private static readonly Guid Ann = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();

    [Fact]
    public void A_change_id_is_recognised_for_its_author_only()
    {
        var window = new ResendWindow(10);
        window.Remember(Ann, "c-1", 7);

        Assert.Equal(7, window.Find(Ann, "c-1"));
        Assert.Null(window.Find(Bob, "c-1"));
    }

    [Fact]
    public void Two_authors_may_use_the_same_change_id_for_different_changes()
    {
        var window = new ResendWindow(10);
        window.Remember(Ann, "same", 1);
        window.Remember(Bob, "same", 2);

        Assert.Equal(1, window.Find(Ann, "same"));
        Assert.Equal(2, window.Find(Bob, "same"));
    }

    [Fact]
    public void The_window_forgets_the_oldest_ids_first_and_never_grows_past_its_capacity()
    {
        var window = new ResendWindow(3);
        for (var i = 1; i <= 5; i++)
        {
            window.Remember(Ann, $"c-{i}", i);
        }

        Assert.Equal(3, window.Count);
        Assert.Null(window.Find(Ann, "c-1"));
        Assert.Null(window.Find(Ann, "c-2"));
        Assert.Equal(5, window.Find(Ann, "c-5"));
    }

    [Fact]
    public void Remembering_an_id_again_keeps_its_first_sequence()
    {
        var window = new ResendWindow(3);
        window.Remember(Ann, "c-1", 1);
        window.Remember(Ann, "c-1", 9);

        Assert.Equal(1, window.Find(Ann, "c-1"));
        Assert.Equal(1, window.Count);
    }

    [Fact]
    public void Changes_without_an_id_are_not_remembered()
    {
        var window = new ResendWindow(3);
        window.Remember(Ann, null, 1);

        Assert.Equal(0, window.Count);
        Assert.Null(window.Find(Ann, null));
    }
}
