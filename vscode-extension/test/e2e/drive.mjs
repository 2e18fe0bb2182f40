// Drives the DockerLsp extension inside code-server (VS Code's real workbench and Node extension
// host) in Debian's headless Chromium with playwright-core, the way a person would use it:
//   (a) squiggles appear and the Problems panel lists our rule IDs,
//   (b) hover on an instruction shows our documentation,
//   (c) a quick fix picked from the Quick Fix menu rewrites the text and its diagnostic goes away,
//   (d) a settings change reaches the running server (a rule turned off in the workspace's
//       .vscode/settings.json disappears, no restart),
//   (e) "DockerLsp: Show Syntax Tree" opens the tree of the file,
//   (f) "DockerLsp: Open Rule Documentation" opens the page of the rule under the cursor.
// Screenshots and report.json go to <out dir>. Exit 0 when every check passed.
//
//   node drive.mjs main <code-server url> <workspace .vscode/settings.json> <out dir>
//   node drive.mjs missing-server <code-server url> '' <out dir>
//     (dockerlsp.server.path names a missing file: an error notification with actions appears,
//      and "Open Settings" shows the setting)
// (Workspace settings, because code-server 4.100 does not notice edits made on disk to the
// user settings file, while it does watch the workspace folder.)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [scenario, url, userSettingsPath, outDir] = process.argv.slice(2);
if (!['main', 'missing-server'].includes(scenario) || !url || !outDir) {
  console.error('usage: node drive.mjs main|missing-server <code-server url> <workspace settings.json> <out dir>');
  process.exit(64);
}
const FILE = 'Dockerfile';
const STEP_TIMEOUT = Number(process.env.DOCKERLSP_E2E_STEP_TIMEOUT_MS ?? 60_000);
mkdirSync(outDir, { recursive: true });

const t0 = Date.now();
const report = { scenario, url, checks: {}, steps: [], problems: [], ok: false };
const log = (name, extra = {}) => {
  report.steps.push({ name, ms: Date.now() - t0, ...extra });
  console.error(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)} s] ${name}${Object.keys(extra).length ? ' ' + JSON.stringify(extra) : ''}`);
};
const check = (name, ok, detail) => {
  report.checks[name] = ok;
  log(`${ok ? 'PASS' : 'FAIL'} ${name}`, detail === undefined ? {} : { detail });
  if (!ok) throw new Error(`check failed: ${name}${detail === undefined ? '' : ': ' + JSON.stringify(detail)}`);
};

/** Polls fn until it returns a truthy value or the step timeout passes; returns the last value. */
async function until(fn, timeout = STEP_TIMEOUT, interval = 250) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, interval));
  }
  return last;
}

const browser = await chromium.launch({
  executablePath: process.env.DOCKERLSP_E2E_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
// Nothing leaves this machine: pages outside code-server (the rule documentation opened by (f))
// are answered by a stub, which also keeps their URL for the assertion.
await context.route((u) => !/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u.href), (route) =>
  route.fulfill({ status: 200, contentType: 'text/html', body: '<title>stub</title>offline stub for the e2e test' }));
const page = await context.newPage();
const shot = (name) => page.screenshot({ path: `${outDir}/${name}.png` });

const editorText = async () =>
  (await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
const problemRows = async () =>
  (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
const ruleIds = (rows) => [...new Set(rows.flatMap((r) => [...r.matchAll(/\b(DF\d{3})\b/g)].map((m) => m[1])))].sort();

/** Runs a workbench command through the Command Palette, the way a user does. */
async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Puts the cursor at a 1-based line:column with Go to Line (Ctrl+G). */
async function goTo(line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * The whole text of the editor in the panel (the Output view), not only the lines on screen: Monaco
 * renders just the visible lines, and the client's stack trace after a failed start can push the
 * server's own stderr above them. Moves through the log from the top, a page at a time, without
 * clicking into it (the log's file paths are links).
 */
async function outputPanelText() {
  const lines = page.locator('.part.panel .monaco-editor .view-lines');
  const read = async () => (await lines.allInnerTexts()).join('\n').replace(/\u00a0/g, ' ');
  const textarea = page.locator('.part.panel .monaco-editor textarea').first();
  if ((await textarea.count()) === 0) return read();
  // Monaco renders on the next animation frame: after a key, wait until the lines change (or give up: nothing moved).
  const afterKey = async (key, before) => {
    await page.keyboard.press(key);
    for (let i = 0; i < 20; i++) {
      const now = await read();
      if (now !== before) return now;
      await page.waitForTimeout(50);
    }
    return before;
  };
  await textarea.focus();
  let text = await afterKey('Control+Home', await read());
  const pages = [text];
  for (let i = 0; i < 100; i++) {
    const next = await afterKey('PageDown', text);
    if (next === text) break;
    pages.push(next);
    text = next;
  }
  return pages.join('\n');
}

/** Opens the workbench and the fixture Dockerfile from the Explorer. */
async function openFixture() {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench', { timeout: STEP_TIMEOUT });
  log('workbench loaded');

  const item = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${FILE}"]`).first();
  await item.waitFor({ timeout: STEP_TIMEOUT });
  await item.click();
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: STEP_TIMEOUT });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  report.textBefore = await editorText();
  log('editor open');
}

async function missingServer() {
  await openFixture();
  const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: /dockerlsp\.server\.path/ }).first();
  await toast.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  report.notification = await toast.innerText();
  check('a missing server is reported in a notification', /\/nonexistent\/dockerlsp does not exist/.test(report.notification), report.notification);
  const buttons = await toast.locator('.monaco-button').allInnerTexts();
  check('the notification offers Show Log, Open Settings and Restart', ['Show Log', 'Open Settings', 'Restart'].every((b) => buttons.includes(b)), buttons);
  await shot('missing-server');
  await toast.locator('.monaco-button', { hasText: 'Open Settings' }).click();
  const setting = page.locator('.settings-editor .setting-item-contents', { hasText: /Server: Path/ }).first();
  await setting.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  check('"Open Settings" shows dockerlsp.server.path', true);
  await shot('missing-server-settings');

  // Now point the setting at a server that crashes at once, typing into the Settings UI: the change
  // restarts the client, and the failure must again be visible, with its stderr in the log.
  const crashServer = process.env.DOCKERLSP_E2E_CRASH_SERVER;
  if (!crashServer) return;
  const input = setting.locator('input').first();
  await input.fill(crashServer);
  await input.press('Tab');
  const failure = page.locator('.notifications-toasts .notification-toast').filter({ hasText: /failed to start|while starting|crashed/ }).first();
  await failure.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  report.crashNotification = await failure.innerText();
  check('a crashing server is reported in a notification naming it and its exit code',
    report.crashNotification.includes(crashServer) && /exited with code 3/.test(report.crashNotification), report.crashNotification);
  await page.waitForTimeout(1500); // room for a duplicate popup to show up, if there were one
  const toasts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
  report.toastsAfterCrash = toasts;
  check('one notification per failure (the library\'s own popups are folded into ours)', toasts.length === 1, toasts);
  await shot('crashing-server');
  await failure.locator('.monaco-button', { hasText: 'Show Log' }).click();
  let output = '';
  const shown = await until(async () => {
    output = await outputPanelText();
    return output.includes('simulated crash');
  });
  check('"Show Log" shows the server\'s stderr', shown === true, output.slice(-800));
  // The failure is logged once the process's output is drained, so the reason reads above the verdict (which may still be
  // on its way when the stderr line shows).
  await until(async () => {
    output = await outputPanelText();
    return output.includes('client: start failed');
  });
  const stderrAt = output.indexOf('simulated crash');
  const verdictAt = output.indexOf('client: start failed');
  check('the server\'s stderr is logged before the start failure', verdictAt > stderrAt, { stderrAt, verdictAt });

  await shot('crashing-server-log');
}

async function main() {
  await openFixture();

  // (a) squiggles in the editor, rule IDs in the Problems panel
  const squiggles = page.locator('.editor-instance .monaco-editor :is(.squiggly-error, .squiggly-warning, .squiggly-info)');
  await squiggles.first().waitFor({ timeout: STEP_TIMEOUT });
  report.squiggles = await squiggles.count();
  check('squiggles', report.squiggles > 0, { count: report.squiggles });
  await shot('editor');

  await page.keyboard.press('Control+Shift+M');
  const expected = (process.env.DOCKERLSP_E2E_EXPECT_RULES ?? 'DF201,DF503,DF504').split(',');
  const rows = await until(async () => {
    const r = await problemRows();
    return expected.every((id) => ruleIds(r).includes(id)) ? r : undefined;
  });
  report.problems = rows ?? (await problemRows());
  report.ruleIds = ruleIds(report.problems);
  check('problems panel lists our rule IDs', rows !== undefined, { expected, seen: report.ruleIds });
  await shot('problems');

  // (b) hover on the FROM instruction shows our instruction documentation
  await goTo(2, 2);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover-content').filter({ hasText: /\S/ }).first();
  await hover.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  report.hover = (await until(async () => {
    const text = await hover.innerText();
    return /build stage/i.test(text) ? text : undefined;
  }, 15_000)) ?? (await hover.innerText());
  check('hover shows our FROM documentation', /Starts a new build stage/i.test(report.hover), report.hover.slice(0, 300));
  await shot('hover');
  await page.keyboard.press('Escape');

  // (c) quick fix from the Quick Fix menu on the shell-form CMD (DF201)
  await goTo(6, 6);
  await page.keyboard.press('Control+.');
  const fixTitle = /Convert to exec form/;
  const menuItem = page.locator('.action-widget .monaco-list-row').filter({ hasText: fixTitle }).first();
  await menuItem.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  report.quickFixMenu = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
  log('quick fix menu', { items: report.quickFixMenu });
  await shot('quickfix');
  // Pick it with the keyboard: the menu's pointer-block overlay swallows synthetic clicks.
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  for (let i = 0; i < report.quickFixMenu.length && !fixTitle.test((await focused.getAttribute('aria-label')) ?? ''); i++) {
    await page.keyboard.press('ArrowDown');
  }
  check('quick fix menu offers "Convert to exec form"', fixTitle.test((await focused.getAttribute('aria-label')) ?? ''), report.quickFixMenu);
  await page.keyboard.press('Enter');
  const fixedLine = 'CMD ["node", "server.js"]';
  report.textAfter = await until(async () => {
    const text = await editorText();
    return text.includes(fixedLine) ? text : undefined;
  });
  check('quick fix rewrote the CMD line', report.textAfter !== undefined, { expected: fixedLine, text: report.textAfter ?? (await editorText()) });
  const goneAfterFix = await until(async () => !ruleIds(await problemRows()).includes('DF201'));
  report.problemsAfterFix = await problemRows();
  check('DF201 disappeared after the fix', goneAfterFix === true, { problems: report.problemsAfterFix });
  await shot('fixed');

  // (d) a settings change reaches the running server: turn DF504 (MAINTAINER) off
  const settings = JSON.parse(readFileSync(userSettingsPath, 'utf8'));
  settings['dockerlsp.rules'] = { DF504: 'off' };
  writeFileSync(userSettingsPath, JSON.stringify(settings, null, 2));
  const goneAfterSetting = await until(async () => !ruleIds(await problemRows()).includes('DF504'));
  report.problemsAfterSetting = await problemRows();
  check('a rule turned off in settings disappears without a restart', goneAfterSetting === true, { problems: report.problemsAfterSetting });

  // (e) the syntax tree command opens the tree beside the file
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await runCommand('DockerLsp: Show Syntax Tree of the Current File');
  const tree = await until(async () => {
    const editors = await page.locator('.editor-instance .monaco-editor .view-lines').allInnerTexts();
    return editors.map((t) => t.replace(/\u00a0/g, ' ')).find((t) => t.includes('DockerLsp syntax tree'));
  });
  report.syntaxTree = tree?.slice(0, 2000);
  check('syntax tree command shows the tree', tree !== undefined && /FROM/.test(tree), tree?.slice(0, 300));
  await shot('syntax-tree');

  // (f) "Open Rule Documentation" on the DF503 squiggle opens that rule's page in a new browser tab
  await page.keyboard.press('Control+1'); // back to the Dockerfile (the tree opened beside it)
  await goTo(2, 13);
  const popup = context.waitForEvent('page', { timeout: STEP_TIMEOUT }).catch(() => undefined);
  await runCommand('DockerLsp: Open Rule Documentation');
  // VS Code's link protection may ask first: answer "Open" like a user would.
  const openButton = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ }).first();
  if (await openButton.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
    report.linkDialog = await page.locator('.monaco-dialog-box').innerText();
    await shot('rule-docs-dialog');
    await openButton.click();
  }
  const docsPage = await popup;
  report.ruleDocsUrl = docsPage === undefined ? undefined : await until(async () => (docsPage.url().includes('DF503') ? docsPage.url() : undefined), 10_000) ?? docsPage.url();
  check('rule documentation opens the DF503 page', /docs\/rules\/DF503\.md$/.test(report.ruleDocsUrl ?? ''), report.ruleDocsUrl);
  await docsPage?.close();
}

let status = 1;
try {
  await (scenario === 'main' ? main() : missingServer());
  report.ok = true;
  status = 0;
} catch (e) {
  report.error = String(e?.stack ?? e);
  log('error', { message: String(e?.message ?? e) });
  await shot(`error-${scenario}`).catch(() => {});
} finally {
  report.totalMs = Date.now() - t0;
  await browser.close();
  writeFileSync(`${outDir}/report-${scenario}.json`, JSON.stringify(report, null, 2) + '\n');
}
process.exit(status);
