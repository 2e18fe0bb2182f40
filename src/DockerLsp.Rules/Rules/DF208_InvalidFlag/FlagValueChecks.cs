namespace DockerLsp.Rules.Rules.DF208_InvalidFlag;

/// <summary>Validators for flag values; each returns null when valid, or why not.</summary>
internal static class FlagValueChecks
{
    public static string? Check(FlagSpecification specification, string? value)
    {
        if (value is not null && value.Contains('$')) return null;
        return specification.Kind switch
        {
            FlagValueKind.Text => string.IsNullOrEmpty(value) ? $"--{specification.Name} needs a value." : null,
            FlagValueKind.Boolean => value is null || ParseBool(value) is not null ? null : $"'{value}' is not a boolean for --{specification.Name}: use true or false.",
            FlagValueKind.Duration => CheckDuration(specification.Name, value),
            FlagValueKind.NonNegativeInteger => value is { Length: > 0 } && value.All(char.IsAsciiDigit) ? null : $"--{specification.Name} needs a non-negative whole number, not '{value}'.",
            FlagValueKind.Permissions => CheckPermissions(value),
            FlagValueKind.Platform => CheckPlatform(value),
            FlagValueKind.Choice => value is not null && specification.Choices.Contains(value) ? null : $"'{value}' is not valid for --{specification.Name}: use {string.Join(", ", specification.Choices)}.",
            _ => null,
        };
    }

    /// <summary>Go's strconv.ParseBool.</summary>
    public static bool? ParseBool(string text) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    /// <summary>Go's time.ParseDuration grammar: [sign] (number unit)+ with units ns us µs ms s m h, or a bare 0.</summary>
    private static string? CheckDuration(string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) return $"--{name} needs a duration such as 30s or 1m30s.";
        if (value == "0") return null;
        var i = 0;
        var total = 0.0;
        if (value[0] == '-') return $"--{name} cannot be negative.";
        if (value[0] == '+') i++;
        var parts = 0;
        while (i < value.Length)
        {
            var start = i;
            while (i < value.Length && (char.IsAsciiDigit(value[i]) || value[i] == '.')) i++;
            if (i == start || !double.TryParse(value[start..i], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return $"'{value}' is not a duration for --{name}: use forms like 30s, 5m or 1m30s.";
            }
            var unitStart = i;
            while (i < value.Length && !char.IsAsciiDigit(value[i]) && value[i] != '.') i++;
            var multiplier = value[unitStart..i] switch
            {
                "ns" => 1e-9,
                "us" or "µs" or "μs" => 1e-6,
                "ms" => 1e-3,
                "s" => 1.0,
                "m" => 60.0,
                "h" => 3600.0,
                _ => double.NaN,
            };
            if (double.IsNaN(multiplier)) return $"'{value}' is not a duration for --{name}: the unit must be one of ns, us, ms, s, m, h.";
            total += number * multiplier;
            parts++;
        }
        if (parts == 0) return $"'{value}' is not a duration for --{name}.";
        return total > 0 && total < 1e-3 ? $"--{name} cannot be less than 1ms." : null;
    }

    private static string? CheckPermissions(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "--chmod needs permissions such as 755 or u+x.";
        if (value.All(char.IsAsciiDigit))
        {
            return value.Length <= 4 && value.All(c => c <= '7') ? null : $"'{value}' is not an octal mode: use digits 0-7, e.g. 755 or 0644.";
        }
        foreach (var clause in value.Split(','))
        {
            var i = 0;
            while (i < clause.Length && clause[i] is 'u' or 'g' or 'o' or 'a') i++;
            if (i >= clause.Length || clause[i] is not ('+' or '-' or '=')) return $"'{value}' is not a valid mode: use octal (755) or symbolic (u+x,g-w).";
            while (i < clause.Length && clause[i] is '+' or '-' or '=')
            {
                i++;
                while (i < clause.Length && clause[i] is 'r' or 'w' or 'x' or 'X' or 's' or 't') i++;
            }
            if (i != clause.Length) return $"'{value}' is not a valid mode: use octal (755) or symbolic (u+x,g-w).";
        }
        return null;
    }

    private static string? CheckPlatform(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "--platform needs a value such as linux/amd64.";
        foreach (var platform in value.Split(','))
        {
            var parts = platform.Split('/');
            if (parts.Length is < 1 or > 3 || parts.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-' or '.')))
            {
                return $"'{platform}' is not a platform: use os[/arch[/variant]] in lowercase, e.g. linux/amd64 or linux/arm64/v8.";
            }
        }
        return null;
    }
}
