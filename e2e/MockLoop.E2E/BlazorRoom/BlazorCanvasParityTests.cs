using MockLoop.E2E.Support;

namespace MockLoop.E2E.BlazorRoom;

/// <summary>The React room's canvas tests, step for step, against the Blazor room (Room:Client=blazor).</summary>
[Collection(BlazorRoomCollection.Name)]
public sealed class BlazorCanvasParityTests(BlazorRoomFixture fixture)
{
    [Fact]
    public Task Two_people_draw_at_once_see_each_others_changes_and_a_reload_restores_the_diagram() =>
        CanvasScenarios.TwoPeopleDrawAtOnceAsync(() => fixture.NewPersonAsync());
}
