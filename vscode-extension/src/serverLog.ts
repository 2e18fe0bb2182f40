/**
 * Routes the server's stderr (Serilog lines such as `[12:00:00.000 WRN] message`) into the log
 * output channel at the matching level. The library's default writes every stderr line as an
 * error, which makes a healthy server look broken. Debug and verbose lines stay visible at Info:
 * the server already filters by `dockerlsp.logLevel`, and a second filter in the channel would
 * hide what the user asked for.
 */

export type ChannelLevel = 'info' | 'warn' | 'error';

export interface ServerLogLine {
  readonly level: ChannelLevel;
  readonly text: string;
}

const PREFIX = /^\[\d{2}:\d{2}:\d{2}(?:\.\d+)? (VRB|DBG|INF|WRN|ERR|FTL)\] ?/;

export function classifyServerLogLine(line: string): ServerLogLine {
  const m = PREFIX.exec(line);
  if (m === null) return { level: 'info', text: line };
  const rest = line.slice(m[0].length);
  switch (m[1]) {
    case 'WRN': return { level: 'warn', text: rest };
    case 'ERR': case 'FTL': return { level: 'error', text: rest };
    case 'INF': return { level: 'info', text: rest };
    // The channel has no level between info and debug that is shown by default: keep the tag instead.
    default: return { level: 'info', text: `[${m[1] === 'DBG' ? 'debug' : 'verbose'}] ${rest}` };
  }
}
