namespace MockLoop.Web.Client.Canvas;

/// <summary>A label typed in place, and whether it was ended from the keyboard (Enter) rather than by leaving the field.</summary>
public sealed record LabelEdit(string Text, bool ByKey);
