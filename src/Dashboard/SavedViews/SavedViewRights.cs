namespace Dashboard.SavedViews;

/// <summary>Who may see and change a saved view. Checked by the server when an action runs, whatever a page showed.</summary>
public static class SavedViewRights
{
    /// <summary>A view is seen by its owner, and by everyone once it is shared.</summary>
    public static bool MaySee(SavedView view, string? personId) => view.Shared || view.OwnerId == personId;

    /// <summary>
    /// Renaming, sharing and deleting: the owner always; an admin too once the view is shared, since everyone's
    /// navigation lists it. Nobody else, and nobody but the owner touches a view that is not shared.
    /// </summary>
    public static bool MayChange(SavedView view, string? personId, bool isAdmin) =>
        view.OwnerId == personId || (view.Shared && isAdmin);
}
