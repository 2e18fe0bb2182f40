using BenchmarkDotNet.Attributes;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Benchmarks;

/// <summary>
/// One keystroke in the lspbench document: a character typed into the middle of the shell-form RUN line nearest the
/// middle of the file, and the same character deleted again, each reparsed with <see cref="SyntaxTree.WithChangedText"/>,
/// against a full parse of the same text. The new texts come from <see cref="SourceText.WithChanges(TextChange[])"/>
/// as the workspace makes them, so they carry their change range. Each benchmark starts from a tree whose text differs
/// from the new text, so every invocation is a real edit (trees are immutable; nothing is cached between calls).
/// Lines = 1,000 and 10,000 show whether time and allocation grow with the document or only with the edited instruction.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[MedianColumn]
public class IncrementalEditBenchmark
{
    private SyntaxTree _before = null!;
    private SyntaxTree _afterInsert = null!;
    private SourceText _inserted = null!;
    private SourceText _deleted = null!;

    [Params(1_000, 10_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var original = BenchmarkInputs.GeneratedDockerfile(Lines);
        var position = MiddleOfMiddleRunLine(original);
        _before = SyntaxTree.Parse(original);
        _inserted = original.WithChanges(TextChange.Insert(position, "x"));
        _afterInsert = SyntaxTree.Parse(_inserted);
        _deleted = _inserted.WithChanges(TextChange.Delete(new TextSpan(position, 1)));
        Verify(_before.WithChangedText(_inserted), _inserted);
        Verify(_afterInsert.WithChangedText(_deleted), _deleted);
    }

    [Benchmark]
    public SyntaxTree IncrementalInsert() => _before.WithChangedText(_inserted);

    [Benchmark]
    public SyntaxTree IncrementalDelete() => _afterInsert.WithChangedText(_deleted);

    [Benchmark(Baseline = true)]
    public SyntaxTree FullParse() => SyntaxTree.Parse(_inserted);

    /// <summary>The offset halfway along the first one-line shell-form RUN at or after the middle line.</summary>
    internal static int MiddleOfMiddleRunLine(SourceText text)
    {
        var lines = text.Lines;
        for (var line = lines.LineCount / 2; line < lines.LineCount; line++)
        {
            var start = lines.GetLineStart(line);
            var content = text.ToString(TextSpan.FromBounds(start, lines.GetLineEnd(line)));
            if (content.StartsWith("RUN ", StringComparison.Ordinal) && !content.Contains("<<", StringComparison.Ordinal) && !content.Contains('['))
            {
                return start + content.Length / 2;
            }
        }
        throw new InvalidOperationException("no shell-form RUN line after the middle of the document");
    }

    /// <summary>Guards the measurement: the edit must take the incremental path and give the full parser's text back.</summary>
    private static void Verify(SyntaxTree tree, SourceText expected)
    {
        if (!tree.WasIncremental) throw new InvalidOperationException("the edit fell back to a full parse");
        if (tree.Root.ToFullString() != expected.ToString()) throw new InvalidOperationException("the incremental tree lost text");
        var full = SyntaxTree.Parse(expected);
        if (full.Root.SlotCount != tree.Root.SlotCount || full.GetDiagnostics().Count != tree.GetDiagnostics().Count)
        {
            throw new InvalidOperationException("the incremental tree differs from a full parse");
        }
    }
}
