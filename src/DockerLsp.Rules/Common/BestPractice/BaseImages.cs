using DockerLsp.Analysis.Semantics;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// Knowledge about official base images: which are SDK or toolchain images (DF314), which are full images with a smaller variant
/// of the same version (DF315), and how that variant's tag is spelled (<c>python:3.12-bookworm</c> → <c>python:3.12-slim-bookworm</c>,
/// <c>node:22-bookworm</c> → <c>node:22-bookworm-slim</c>, <c>eclipse-temurin:21-jdk</c> → <c>eclipse-temurin:21-jre</c>).
/// </summary>
internal static class BaseImages
{
    private static readonly string[] s_debianCodenames = ["trixie", "bookworm", "bullseye", "buster"];
    private static readonly string[] s_variantMarkers = ["slim", "alpine", "windowsservercore", "nanoserver", "jre", "distroless", "musl", "ubi", "minimal"];

    /// <summary>The repository without <c>docker.io/library/</c>, lower case (<c>python</c>, <c>mcr.microsoft.com/dotnet/sdk</c>).</summary>
    public static string ShortName(ImageReference image)
    {
        var repository = image.NormalizedRepository.ToLowerInvariant();
        if (image.NormalizedRegistry != ImageReference.DefaultRegistry) return image.NormalizedRegistry.ToLowerInvariant() + "/" + repository;
        return repository.StartsWith("library/", StringComparison.Ordinal) ? repository["library/".Length..] : repository;
    }

    /// <summary>
    /// True for images that are build toolchains: Go, Rust, Maven, Gradle, the .NET SDK, JDKs, GCC. (buildpack-deps is left out: it is
    /// the base the official full language images are built on, and users start from those.)
    /// </summary>
    public static bool IsToolchainImage(ImageReference image)
    {
        var name = ShortName(image);
        var tag = (image.Tag ?? string.Empty).ToLowerInvariant();
        return name switch
        {
            "golang" or "rust" or "maven" or "gradle" or "gcc" or "mcr.microsoft.com/dotnet/sdk" or "swift" or "haskell" => true,
            "eclipse-temurin" or "openjdk" or "amazoncorretto" or "ibm-semeru-runtimes" or "sapmachine" => !tag.Contains("jre", StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>True when <paramref name="invocation"/> builds with the toolchain of <paramref name="image"/> (go build in golang, mvn package in maven or a JDK...).</summary>
    public static bool BuildsWith(ImageReference image, CommandInvocation invocation)
    {
        if (!IsToolchainImage(image)) return false;
        var verb = invocation.Subcommand()?.Value;
        return ShortName(image) switch
        {
            "golang" => invocation.Name == "go" && verb is "build" or "install",
            "rust" => invocation.Name == "cargo" && verb is "build" or "install",
            "mcr.microsoft.com/dotnet/sdk" => invocation.Name == "dotnet" && verb is "build" or "publish",
            "gcc" => invocation.Name is "gcc" or "g++" or "cc" or "make" or "cmake" or "ninja",
            "swift" => invocation.Name == "swift" && verb == "build",
            "haskell" => invocation.Name is "cabal" or "stack" && verb is "build" or "install",
            _ => invocation.Name is "javac" || (RunPurposes.IsBuild(invocation) && invocation.Name is "mvn" or "mvnw" or "./mvnw" or "gradle" or "gradlew" or "./gradlew"),
        };
    }

    /// <summary>
    /// The full images DF315 knows, with the smaller variant of the same version (null when there is no same-tag variant, e.g. the
    /// Go or .NET SDK images, whose runtime is another image). Returns false when the image is not known to be heavy.
    /// </summary>
    public static bool TryGetLighterVariant(ImageReference image, out string? lighterTag, out string advice)
    {
        lighterTag = null;
        advice = string.Empty;
        var name = ShortName(image);
        var tag = image.Tag ?? "latest";
        var lower = tag.ToLowerInvariant();
        if (s_variantMarkers.Any(m => lower.Contains(m, StringComparison.Ordinal))) return false;
        switch (name)
        {
            case "python" or "ruby" or "perl" or "rust" or "elixir" or "erlang":
                lighterTag = SlimBeforeCodename(tag);
                advice = "its -slim variant has the same runtime without compilers and headers";
                return true;
            case "node":
                lighterTag = SlimAfterCodename(tag);
                advice = "its -slim variant has the same runtime without compilers and headers";
                return true;
            case "debian":
                lighterTag = lower is "latest" ? "stable-slim" : tag + "-slim";
                advice = "the -slim variant drops documentation and locales";
                return true;
            case "openjdk":
                lighterTag = lower is "latest" ? null : tag + "-slim";
                advice = "its -slim variant is smaller; a JRE image is smaller still";
                return true;
            case "eclipse-temurin" or "ibm-semeru-runtimes" or "sapmachine":
                lighterTag = JreTag(tag);
                advice = "a JRE is enough to run the application";
                return true;
            case "golang" or "gcc":
                advice = "build in this image, then copy the binary into a minimal image (distroless, alpine or scratch)";
                return true;
            case "maven" or "gradle":
                advice = "build in this image, then run the JAR on a JRE image such as eclipse-temurin:<version>-jre";
                return true;
            case "mcr.microsoft.com/dotnet/sdk":
                advice = "publish in the SDK image, then run on mcr.microsoft.com/dotnet/aspnet or dotnet/runtime of the same version";
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>3.12</c> → <c>3.12-slim</c>; <c>3.12-bookworm</c> → <c>3.12-slim-bookworm</c>; <c>latest</c> → <c>slim</c>; <c>bookworm</c> → <c>slim-bookworm</c>.</summary>
    private static string SlimBeforeCodename(string tag)
    {
        if (tag is "latest") return "slim";
        if (s_debianCodenames.Contains(tag)) return "slim-" + tag;
        foreach (var codename in s_debianCodenames)
        {
            if (tag.EndsWith("-" + codename, StringComparison.Ordinal)) return tag[..^(codename.Length + 1)] + "-slim-" + codename;
        }
        return tag + "-slim";
    }

    /// <summary><c>22</c> → <c>22-slim</c>; <c>22-bookworm</c> → <c>22-bookworm-slim</c>; <c>latest</c> → <c>slim</c>.</summary>
    private static string SlimAfterCodename(string tag) => tag is "latest" ? "slim" : tag + "-slim";

    /// <summary><c>21</c>/<c>21-jdk</c> → <c>21-jre</c>; <c>21-jdk-jammy</c> → <c>21-jre-jammy</c>.</summary>
    private static string? JreTag(string tag)
    {
        if (tag.Contains("-jdk", StringComparison.Ordinal)) return tag.Replace("-jdk", "-jre", StringComparison.Ordinal);
        if (tag.StartsWith("jdk", StringComparison.Ordinal)) return null;
        return tag is "latest" ? null : tag.Split('-')[0] + "-jre" + (tag.Contains('-') ? tag[tag.IndexOf('-')..] : string.Empty);
    }
}
