using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Settings;
using DockerLsp.Features.Workspace;
using Moq;

namespace DockerLsp.Server.Tests.Infrastructure;

/// <summary>
/// An analysis engine (a Moq mock) whose analysis of one document version, or of every version, blocks until its token is
/// cancelled, so that a test can act while that version is "being analysed". The blocked analysis ends by throwing
/// <see cref="OperationCanceledException"/>; if nobody cancels it, it gives up after the hold time and finds nothing. Every
/// other analysis finds nothing at once.
/// </summary>
internal sealed class HeldAnalysisEngine
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="heldVersion">The version whose analysis blocks; null holds every analysis.</param>
    /// <param name="holdFor">The longest a held analysis waits for its cancellation (default: <see cref="TestLspClient.Timeout"/>).</param>
    public HeldAnalysisEngine(int? heldVersion = null, TimeSpan? holdFor = null)
    {
        var hold = holdFor ?? TestLspClient.Timeout;
        var engine = new Mock<IAnalysisEngine>();
        engine.Setup(e => e.Analyze(It.IsAny<Document>(), It.IsAny<LanguageServerSettings>(), It.IsAny<CancellationToken>()))
            .Returns((Document document, LanguageServerSettings settings, CancellationToken token) =>
            {
                if (heldVersion is null || document.Version == heldVersion)
                {
                    _started.TrySetResult();
                    if (token.WaitHandle.WaitOne(hold)) _cancelled.TrySetResult();
                    token.ThrowIfCancellationRequested();
                }
                return new DocumentAnalysis(document, settings, []);
            });
        Engine = engine.Object;
    }

    public IAnalysisEngine Engine { get; }

    /// <summary>Completes when a held analysis has started.</summary>
    public Task Started => _started.Task;

    /// <summary>True once a held analysis has seen its cancellation (it records that on its own thread, after waking).</summary>
    public bool SawCancellation => _cancelled.Task.IsCompleted;
}
