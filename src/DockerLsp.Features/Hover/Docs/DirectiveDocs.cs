using System.Collections.Frozen;

namespace DockerLsp.Features.Hover.Docs;

/// <summary>The hover text of the parser directives and the BuildKit check names the <c>check</c> directive accepts.</summary>
public static class DirectiveDocs
{
    public static FrozenDictionary<string, FlagDoc> All { get; } = new FlagDoc[]
    {
        new("syntax", "# syntax=<frontend image>", "Selects the Dockerfile frontend (parser version) BuildKit uses, e.g. `docker/dockerfile:1` for the latest stable 1.x syntax. Must be in the first lines, before any instruction.", "syntax", "# syntax=docker/dockerfile:1"),
        new("escape", "# escape=<\\ or `>", "Sets the escape character for line continuations and escaping. The default is `\\`; a backtick suits Windows paths such as `C:\\path`.", "escape", "# escape=`"),
        new("check", "# check=skip=<rules|all>;error=<bool>;experimental=<rules|all>", "Configures BuildKit's build checks for this file: skip rules, turn warnings into build errors, or enable experimental rules.", "check", "# check=skip=JSONArgsRecommended;error=true"),
    }.ToFrozenDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>BuildKit's build-check names, usable in <c># check=skip=...</c>, with what each detects.</summary>
    public static FrozenDictionary<string, string> BuildKitChecks { get; } = new Dictionary<string, string>
    {
        ["StageNameCasing"] = "Stage names should be lowercase.",
        ["FromAsCasing"] = "The `AS` keyword should match the casing of `FROM`.",
        ["NoEmptyContinuation"] = "Empty lines inside a continuation are deprecated.",
        ["ConsistentInstructionCasing"] = "Instruction keywords should all be upper case or all lower case.",
        ["DuplicateStageName"] = "Stage names must be unique.",
        ["ReservedStageName"] = "`scratch` and `context` cannot be stage names.",
        ["JSONArgsRecommended"] = "Use the exec (JSON) form for CMD and ENTRYPOINT so signals reach the process.",
        ["MaintainerDeprecated"] = "MAINTAINER is deprecated; use a LABEL.",
        ["UndefinedArgInFrom"] = "A FROM line uses an ARG that is not declared globally.",
        ["WorkdirRelativePath"] = "Relative WORKDIR without an absolute WORKDIR before it.",
        ["UndefinedVar"] = "A variable is used but never declared.",
        ["MultipleInstructionsDisallowed"] = "Several CMD, ENTRYPOINT or HEALTHCHECK in one stage: only the last counts.",
        ["LegacyKeyValueFormat"] = "ENV/LABEL in the legacy `key value` form.",
        ["RedundantTargetPlatform"] = "`--platform=$TARGETPLATFORM` is the default and redundant.",
        ["SecretsUsedInArgOrEnv"] = "A secret-looking name in ARG or ENV.",
        ["InvalidDefaultArgInFrom"] = "A FROM line would be invalid with the ARG defaults.",
        ["FromPlatformFlagConstDisallowed"] = "`--platform` should not be a constant.",
        ["CopyIgnoredFile"] = "COPY/ADD of a file excluded by .dockerignore.",
        ["InvalidDefinitionDescription"] = "Comments describing stages or ARGs should start with their name.",
        ["ExposeProtoCasing"] = "EXPOSE protocols should be lowercase.",
        ["ExposeInvalidFormat"] = "EXPOSE with an IP or host-port mapping.",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
