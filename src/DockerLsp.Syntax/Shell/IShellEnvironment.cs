namespace DockerLsp.Syntax.Shell;

/// <summary>
/// The variables visible to an expansion. Implementations decide case sensitivity;
/// a name that is absent is "unset", which is different from being set to "".
/// </summary>
public interface IShellEnvironment
{
    /// <summary>Looks a variable up; <paramref name="value"/> is "" when the result is false.</summary>
    bool TryGetValue(string name, out string value);
}
