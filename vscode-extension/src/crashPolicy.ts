/**
 * Decides whether a crashed language server is restarted. vscode-languageclient's default gives up
 * after 5 crashes in 3 minutes with a generic message; ours does the same arithmetic but lets the
 * controller name the binary and offer "Show Log"/"Restart", so a crash loop is never silent.
 * No VS Code imports: unit-tested with a fake clock.
 */
export interface CrashDecision {
  readonly restart: boolean;
  /** Crashes inside the current window, this one included. */
  readonly crashesInWindow: number;
}

export class CrashPolicy {
  private crashes: number[] = [];

  constructor(
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash and says whether to restart: at most `maxRestarts` within `windowMs`. */
  recordCrash(): CrashDecision {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < this.windowMs);
    this.crashes.push(t);
    return { restart: this.crashes.length <= this.maxRestarts, crashesInWindow: this.crashes.length };
  }

  /** A manual restart is a fresh start: earlier crashes no longer count against it. */
  reset(): void {
    this.crashes = [];
  }
}
