namespace DockerLsp.Registry;

/// <summary>
/// A username and password (or personal access token) for one registry. The password is a secret:
/// <see cref="ToString"/> never shows it, so the credential cannot leak through string interpolation or logging.
/// </summary>
public sealed record RegistryCredential(string Username, string Password)
{
    /// <summary>The value of an HTTP Basic Authorization header: base64 of <c>username:password</c>.</summary>
    internal string ToBasicParameter() =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Username + ":" + Password));

    public override string ToString() => $"RegistryCredential {{ Username = {Username}, Password = *** }}";
}
