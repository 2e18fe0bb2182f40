using DockerLsp.Analysis.Semantics;
using DockerLsp.Analysis.Shell;
using DockerLsp.Syntax;
using Xunit;

namespace DockerLsp.Analysis.Tests.Shell;

/// <summary>The POSIX shell tokenizer and command model, and its source map back to the Dockerfile.</summary>
public sealed class ShellModelTests
{
    private static (ShellScript Script, string Text) Script(string text, int index = 0)
    {
        var tree = SyntaxTree.Parse(text);
        var model = SemanticModel.Create(tree);
        var instruction = tree.Root.Instructions.OfType<CommandInstructionSyntax>().ElementAt(index);
        return (model.GetShellScript(instruction), text);
    }

    private static string[] Commands(string text, int index = 0)
    {
        var (script, source) = Script(text, index);
        return script.Commands.Select(c => source.Substring(c.Span.Start, c.Span.Length)).ToArray();
    }

    [Fact]
    public void Splits_on_control_operators_and_maps_spans_across_continuations()
    {
        const string text = "FROM a\nRUN apt-get update \\\n    && apt-get install -y \\\n       curl git || true; echo done | tee log &\n";
        Assert.Equal(["apt-get update", "apt-get install -y \\\n       curl git", "true", "echo done", "tee log"], Commands(text));
        var (script, _) = Script(text);
        Assert.Equal([ShellOperator.None, ShellOperator.And, ShellOperator.Or, ShellOperator.Semicolon, ShellOperator.Pipe], script.Commands.Select(c => c.PrecedingOperator));
        Assert.True(script.HasPipes);
        Assert.True(script.Commands[3].IsInPipeline);
        var curl = script.Commands[1].Arguments[2];
        Assert.Equal("curl", text.Substring(curl.Span.Start, curl.Span.Length));
    }

    [Fact]
    public void Nested_substitutions_are_listed_once_each_at_their_depth()
    {
        var (script, _) = Script("FROM a\nRUN a \"$(b \"$(c `d`)\" ${X:-\"$(e)\"})\"\n");
        Assert.Equal(["a", "b", "c", "d", "e"], script.Commands.Select(c => c.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal([0, 1, 2, 3, 2], new[] { "a", "b", "c", "d", "e" }.Select(name => script.Commands.Single(c => c.Name == name).Depth));
    }

    [Fact]
    public void Deeply_nested_quoted_substitutions_are_read_promptly_on_a_small_stack()
    {
        // Every level used to be read again from every level above it (2^n: 20 levels took 4 s, 25 minutes), the skipped text
        // was collected at every level (quadratic: 20,000 levels over a minute), and the lexer recursed once per level.
        const int levels = 20_000;
        var text = "FROM a\nRUN echo " + string.Concat(Enumerable.Repeat("\"$(echo ", levels)) + string.Concat(Enumerable.Repeat(")\"", levels)) + "\n";
        ShellScript? script = null;
        var thread = new Thread(() => script = Script(text).Script, maxStackSize: 1024 * 1024);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)));
        Assert.InRange(script!.Commands.Length, 2, 100);
        Assert.Equal(script.Commands.Length, script.Commands.Select(c => c.Span.Start).Distinct().Count());
    }

    [Fact]
    public void Quotes_escapes_and_expansions()
    {
        var (script, _) = Script("FROM a\nRUN echo 'a b' \"c $HOME d\" e\\ f $(date +%s) `id -u` ${X:-y}\n");
        var echo = script.Commands[0];
        Assert.Equal(["a b", "c $HOME d", "e f", "$(date +%s)", "`id -u`", "${X:-y}"], echo.Arguments.Select(a => a.Value));
        Assert.True(echo.Arguments[0].IsQuoted);
        Assert.False(echo.Arguments[0].HasExpansion);
        Assert.True(echo.Arguments[1].HasExpansion);
        Assert.Equal(new[] { "date", "echo", "id" }, script.Commands.Select(c => c.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(1, script.Commands.Single(c => c.Name == "date").Depth);
    }

    [Fact]
    public void Compound_commands_expose_their_inner_commands()
    {
        var names = Script("FROM a\nRUN if [ -f x ]; then apt-get install -y a; else apk add b; fi && for i in 1 2; do echo $i; done && (cd /x && make) && case $A in a|b) echo ab;; *) echo other;; esac\n")
            .Script.Commands.Select(c => c.Name).ToArray();
        Assert.Equal(["[", "apt-get", "apk", "echo", "cd", "make", "echo", "echo"], names);
    }

    [Fact]
    public void Assignments_redirections_and_functions()
    {
        var (script, _) = Script("FROM a\nRUN DEBIAN_FRONTEND=noninteractive apt-get -yq install x 2>&1 >/dev/null; f() { echo in; }; f\n");
        var apt = script.Commands[0];
        Assert.Equal("DEBIAN_FRONTEND=noninteractive", Assert.Single(apt.Assignments).Text);
        Assert.Equal("apt-get", apt.Name);
        Assert.Equal(["2>&", "1", ">", "/dev/null"], apt.Redirections.Select(r => r.Text).Select(t => t == "2>&" ? "2>&" : t));
        Assert.True(apt.HasFlag("-y"));
        Assert.True(apt.HasFlag("-q", "--quiet"));
        Assert.False(apt.HasFlag("--yes"));
        Assert.Equal("install", apt.GetSubcommand()!.Value);
        Assert.Equal(["echo", "f"], script.Commands.Skip(1).Select(c => c.Name));
    }

    [Fact]
    public void Long_flags_with_values_and_positional_arguments()
    {
        var command = Script("FROM a\nRUN pip install --no-cache-dir -r requirements.txt --index-url=https://x pkg==1.0 -- -weird\n").Script.Commands[0];
        Assert.Equal(["no-cache-dir", "r", "index-url"], command.GetFlags().Select(f => f.Name));
        Assert.Equal("https://x", command.GetFlags().Single(f => f.Name == "index-url").Value);
        Assert.Equal(["install", "pkg==1.0", "-weird"], command.GetPositionalArguments(new HashSet<string> { "-r" }).Select(a => a.Value));
    }

    [Fact]
    public void Heredoc_scripts_are_read_with_exact_spans()
    {
        const string text = "FROM a\nRUN <<EOF\nset -e\napt-get update\ncat <<INNER > /etc/x\nnot a command\nINNER\nEOF\nRUN python3 <<PY\nprint('x')\nPY\nRUN bash -e <<SH\necho hi\nSH\n";
        Assert.Equal(["set -e", "apt-get update", "cat"], Commands(text, 0).Select(c => c.Split(' ')[0] == "cat" ? "cat" : c));
        Assert.Equal(["python3"], Commands(text, 1));
        Assert.Equal(["bash -e", "echo hi"], Commands(text, 2));
    }

    [Fact]
    public void Exec_form_is_one_command_and_sh_c_scripts_are_read()
    {
        const string text = "FROM a\nRUN [\"sh\", \"-c\", \"apt-get update && apt-get install -y x\"]\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n";
        var (script, _) = Script(text);
        Assert.Equal(ShellScriptForm.ExecForm, script.Form);
        Assert.Equal(["sh", "apt-get", "apt-get"], script.Commands.Select(c => c.Name));
        var update = script.Commands[1];
        Assert.Equal("apt-get update", text.Substring(update.Span.Start, update.Span.Length));
        var cmd = Script(text, 1).Script;
        Assert.Equal(["-g", "daemon off;"], Assert.Single(cmd.Commands).Arguments.Select(a => a.Value));
    }

    [Fact]
    public void Non_posix_shells_are_not_tokenized()
    {
        var (script, _) = Script("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN Write-Host hi; exit 0\n", 1);
        Assert.False(script.IsPosix);
        Assert.Empty(script.Commands);
    }

    [Fact]
    public void Comments_and_newlines_in_heredocs_and_escape_directive()
    {
        const string text = "# escape=`\nFROM a\nRUN echo a `\n  # comment line`\n  && echo b # trailing\n";
        Assert.Equal(["echo a", "echo b"], Commands(text));
    }

    [Fact]
    public void Malformed_scripts_never_throw()
    {
        foreach (var body in new[] { "echo 'unterminated", "echo \"x $(", "echo `", "echo ${", "))) ((", "case x in", "<<", "for", "2>" })
        {
            var (script, _) = Script("FROM a\nRUN " + body + "\n");
            Assert.NotNull(script);
        }
    }
}
