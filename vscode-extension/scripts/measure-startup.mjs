// Measures how fast a dockerlsp build answers its first requests over stdio, the way the extension
// starts it: spawn → `initialize` answered → first `textDocument/diagnostic` answered for a small
// Dockerfile. Used to choose the publish flavour shipped in the .vsix (README "Platforms").
//
//   node scripts/measure-startup.mjs <dockerlsp executable> [runs=5]
import { spawn } from 'node:child_process';

const [exe, runsArg] = process.argv.slice(2);
if (!exe) {
  console.error('usage: node scripts/measure-startup.mjs <dockerlsp executable> [runs]');
  process.exit(64);
}
const runs = Number(runsArg ?? 5);
const text = 'FROM node:latest\nMAINTAINER someone@example.com\nWORKDIR /app\nCOPY . .\nCMD node server.js\n';

function once() {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
    const child = spawn(exe, ['--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const timings = {};
    let buffer = Buffer.alloc(0);
    const send = (msg) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };
    const timer = setTimeout(() => { child.kill(); reject(new Error('timeout')); }, 60_000);
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const msg = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (msg.method !== undefined) {
          // A request from the server (configuration, registrations): answer it; notifications need nothing.
          if (msg.id !== undefined) send({ id: msg.id, result: msg.method === 'workspace/configuration' ? [{}] : null });
          continue;
        }
        if (msg.id === 1) {
          timings.initialize = ms();
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/measure/Dockerfile', languageId: 'dockerfile', version: 1, text } } });
          send({ id: 2, method: 'textDocument/diagnostic', params: { textDocument: { uri: 'file:///tmp/measure/Dockerfile' } } });
        } else if (msg.id === 2) {
          timings.firstDiagnostics = ms();
          timings.diagnostics = msg.result?.items?.length ?? JSON.stringify(msg.error ?? msg.result);
          send({ id: 3, method: 'shutdown' });
        } else if (msg.id === 3) {
          send({ method: 'exit' });
        }
      }
    });
    child.on('exit', () => { clearTimeout(timer); timings.exit = ms(); resolve(timings); });
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } } } });
  });
}

const results = [];
for (let i = 0; i < runs; i++) results.push(await once());
const median = (k) => { const v = results.map((r) => r[k]).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
console.log(JSON.stringify({ exe, runs, medianMs: { initialize: Math.round(median('initialize')), firstDiagnostics: Math.round(median('firstDiagnostics')), exit: Math.round(median('exit')) }, diagnostics: results[0]?.diagnostics, all: results.map((r) => ({ initialize: Math.round(r.initialize), firstDiagnostics: Math.round(r.firstDiagnostics) })) }));
