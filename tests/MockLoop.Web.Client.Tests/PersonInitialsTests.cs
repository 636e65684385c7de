using MockLoop.Web.Client.Room;

namespace MockLoop.Web.Client.Tests;

public class PersonInitialsTests
{
    [Theory]
    [InlineData("Ivy Chen", "IC")]
    [InlineData("Ivy (QA)", "IQ")]
    [InlineData("Ivy (", "IV")]
    [InlineData("(Cal)", "CA")]
    [InlineData("  ", "?")]
    [InlineData("-- !!", "?")]
    [InlineData("Zoë Ångström", "ZÅ")]
    public void Initials_come_from_the_first_and_last_words_that_have_letters(string name, string initials) =>
        Assert.Equal(initials, PersonInitials.Of(name));
}
