using System.Text.RegularExpressions;
using DockerLsp.Analysis;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// Finds the files <c>dotnet restore</c> reads for a given project or solution by reading them from the build context: the
/// projects a solution lists and, transitively, every <c>ProjectReference</c>, plus the repository-level NuGet and MSBuild files
/// that exist. Reads MSBuild/solution files, never the Dockerfile, so matching them with regular expressions is fine here.
/// </summary>
internal static partial class DotnetProjects
{
    private const int MaxProjects = 64;

    public static bool IsProjectOrSolution(string path) =>
        path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The context-relative files to copy before restoring <paramref name="entryPoints"/>, or null when one cannot be read.</summary>
    public static IReadOnlyList<string>? Manifests(IBuildContext context, IReadOnlyList<string> entryPoints, IReadOnlyList<string> optional)
    {
        if (entryPoints.Count == 0) return null;
        var files = new List<string>();
        var queue = new Queue<string>(entryPoints.Select(ContainerPaths.Normalize));
        while (queue.Count > 0)
        {
            var file = queue.Dequeue();
            if (files.Contains(file, StringComparer.Ordinal)) continue;
            if (files.Count >= MaxProjects) return null;
            var content = context.ReadAllText(file);
            if (content is null) return null;
            files.Add(file);
            var directory = file.Contains('/') ? file[..(file.LastIndexOf('/') + 1)] : string.Empty;
            var references = file.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) ? SolutionProject().Matches(content)
                : file.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) ? SlnxProject().Matches(content)
                : ProjectReference().Matches(content);
            foreach (Match match in references)
            {
                var path = match.Groups["path"].Value.Replace('\\', '/');
                if (!IsProjectOrSolution(path)) continue;
                queue.Enqueue(ContainerPaths.Normalize(directory + path));
            }
        }
        foreach (var name in optional)
        {
            if (context.FileExists(name) && !files.Contains(name, StringComparer.OrdinalIgnoreCase)) files.Add(name);
        }
        return files;
    }

    [GeneratedRegex(@"^Project\(""[^""]*""\)\s*=\s*""[^""]*"",\s*""(?<path>[^""]+)""", RegexOptions.Multiline)]
    private static partial Regex SolutionProject();

    [GeneratedRegex(@"<Project\s+Path=""(?<path>[^""]+)""")]
    private static partial Regex SlnxProject();

    [GeneratedRegex(@"<ProjectReference\s+Include=""(?<path>[^""]+)""")]
    private static partial Regex ProjectReference();
}
