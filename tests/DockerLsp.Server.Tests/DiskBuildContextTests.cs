using DockerLsp.Server.Hosting;
using Xunit;

namespace DockerLsp.Server.Tests;

/// <summary>The disk build context (editor and CLI) reads files under the Dockerfile's directory only: never a sibling that shares its name as a prefix, nor a parent.</summary>
public sealed class DiskBuildContextTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("dockerlsp-context-").FullName;

    [Fact]
    public void Paths_outside_the_context_are_refused()
    {
        var root = Path.Combine(_parent, "app");
        var sibling = Path.Combine(_parent, "app-secrets");
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(sibling);
        File.WriteAllText(Path.Combine(root, ".dockerignore"), "node_modules\n");
        File.WriteAllText(Path.Combine(sibling, "token"), "secret");
        File.WriteAllText(Path.Combine(_parent, "outside"), "x");

        var context = DiskBuildContext.ForDirectory(root);
        Assert.True(context.FileExists(".dockerignore"));
        Assert.Equal("node_modules\n", context.ReadAllText(".dockerignore"));
        Assert.False(context.FileExists("../app-secrets/token"));
        Assert.Null(context.ReadAllText("../app-secrets/token"));
        Assert.False(context.FileExists("../outside"));
        Assert.Null(context.ReadAllText("../outside"));
    }

    public void Dispose() => Directory.Delete(_parent, recursive: true);
}
