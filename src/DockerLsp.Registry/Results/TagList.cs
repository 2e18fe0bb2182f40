namespace DockerLsp.Registry;

/// <summary>
/// The tags of one repository, in the order the registry returned them across all pages.
/// <see cref="IsTruncated"/> is true when the page limit stopped the listing early, so the list may be incomplete.
/// </summary>
public sealed record TagList(IReadOnlyList<string> Tags, bool IsTruncated);
