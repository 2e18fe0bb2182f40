using System.Reflection;
using Xunit;

namespace DockerLsp.Architecture.Tests;

/// <summary>
/// The direction of references between our assemblies, read from the compiled assemblies' metadata:
/// Syntax &lt;- Analysis &lt;- Rules &lt;- Features &lt;- Server &lt;- Cli; Registry is independent and only Cli may reference it;
/// only Server (and Cli above it) may reference StreamJsonRpc.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string[] s_layers = ["DockerLsp.Syntax", "DockerLsp.Analysis", "DockerLsp.Rules", "DockerLsp.Features", "DockerLsp.Server", "dockerlsp"];

    private static IReadOnlyList<string> OurReferences(string assemblyName) =>
        Assembly.Load(assemblyName).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("DockerLsp.", StringComparison.Ordinal) || n == "dockerlsp")
            .ToArray();

    public static TheoryData<string> Layers() => new(s_layers);

    [Theory]
    [MemberData(nameof(Layers))]
    public void Each_layer_references_only_lower_layers(string assemblyName)
    {
        var index = Array.IndexOf(s_layers, assemblyName);
        foreach (var reference in OurReferences(assemblyName))
        {
            if (reference == "DockerLsp.Registry")
            {
                Assert.True(assemblyName == "dockerlsp", $"{assemblyName} references DockerLsp.Registry; only the CLI may (others use an interface).");
                continue;
            }
            var referenced = Array.IndexOf(s_layers, reference);
            Assert.True(referenced >= 0 && referenced < index, $"{assemblyName} must not reference {reference}: the direction is {string.Join(" <- ", s_layers)}.");
        }
    }

    [Fact]
    public void Registry_is_independent()
    {
        Assert.Empty(OurReferences("DockerLsp.Registry"));
    }

    [Theory]
    [InlineData("DockerLsp.Syntax")]
    [InlineData("DockerLsp.Analysis")]
    [InlineData("DockerLsp.Rules")]
    [InlineData("DockerLsp.Features")]
    public void Only_the_server_speaks_LSP(string assemblyName)
    {
        var references = Assembly.Load(assemblyName).GetReferencedAssemblies().Select(a => a.Name).ToArray();
        Assert.DoesNotContain("StreamJsonRpc", references);
        Assert.DoesNotContain("Nerdbank.Streams", references);
    }

    [Fact]
    public void Syntax_is_a_leaf()
    {
        Assert.Empty(OurReferences("DockerLsp.Syntax"));
        Assert.DoesNotContain(Assembly.Load("DockerLsp.Syntax").GetReferencedAssemblies(), a => a.Name is "YamlDotNet" or "StreamJsonRpc");
    }
}
