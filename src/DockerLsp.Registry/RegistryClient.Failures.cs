using System.Net;

namespace DockerLsp.Registry;

/// <summary>
/// Turns an unsuccessful registry response into a <see cref="RegistryError"/> whose message names the image and
/// repeats what the registry said (its error code and message), with any secret scrubbed.
/// </summary>
public sealed partial class RegistryClient
{
    private RegistryError FailureFor(RegistryResponse response, RegistryImageName image, string what)
    {
        var detail = RegistryErrorBody.Summarize(response.Body);
        var said = detail is null ? "" : ": " + _log.Redact(detail);
        var status = (int)response.Status;
        return response.Status switch
        {
            HttpStatusCode.NotFound => RegistryError.NotFound($"{what} not found on {image.DisplayRegistry}{said}"),
            HttpStatusCode.Unauthorized => RegistryError.Unauthorized($"{image.DisplayRegistry} requires authentication for {image.Repository}{said}"),
            HttpStatusCode.Forbidden => RegistryError.Unauthorized($"{image.DisplayRegistry} denied access to {image.Repository} (403){said}"),
            _ when status >= 500 => RegistryError.Unreachable($"{image.DisplayRegistry} had a server error ({status}) while looking up {what}{said}"),
            _ => RegistryError.InvalidResponse($"{image.DisplayRegistry} answered {status} {response.Status} while looking up {what}{said}"),
        };
    }
}
