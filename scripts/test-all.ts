import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

/**
 * `npm test`: typecheck, lint, unit tests (Vitest, Node) and end-to-end tests (Playwright + Debian Chromium against
 * the built app). Every stage runs even when an earlier one failed, so one run tells everything; the last line is
 * `N passed, N failed, N skipped` (typecheck and lint count as one check each; a skipped test, e.g. one that needs the
 * absent ../shared/data, is counted apart and never as passed), and the exit code is non-zero on any failure.
 */
interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const stageLines: string[] = [];

function tallyLine(passed: number, failed: number, skipped: number): string {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

function run(command: string, args: string[]): number {
  const r = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

function check(name: string, command: string, args: string[]): void {
  const ok = run(command, args) === 0;
  total[ok ? 'passed' : 'failed']++;
  stageLines.push(`${name}: ${ok ? 'ok' : 'FAILED'}`);
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; message?: string; name: string }[];
}

function unit(): void {
  const out = 'test-results/unit.json';
  rmSync(out, { force: true });
  const code = run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  if (!existsSync(out)) {
    total.failed++;
    stageLines.push(`unit: FAILED (exit ${code}, no report)`);
    return;
  }
  const r = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  // A test file that fails to load has no test cases: count it as a failure.
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.message).length;
  // Vitest counts skipped tests (it.skip, skipIf, ctx.skip()) as pending and it.todo as todo: neither has passed.
  const skipped = r.numPendingTests + r.numTodoTests;
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests + brokenFiles;
  total.skipped += skipped;
  stageLines.push(`unit: ${tallyLine(r.numPassedTests, r.numFailedTests + brokenFiles, skipped)}`);
  if (code !== 0 && r.numFailedTests + brokenFiles === 0) {
    total.failed++;
    stageLines.push(`unit: vitest exited ${code} without a failed test`);
  }
}

interface PlaywrightJson {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors: unknown[];
}

function e2e(): void {
  const out = 'test-results/e2e.json';
  rmSync(out, { force: true });
  if (run('npx', ['vite', 'build']) !== 0) {
    total.failed++;
    stageLines.push('e2e: FAILED (the app does not build)');
    return;
  }
  const code = run('npx', ['playwright', 'test']);
  if (!existsSync(out)) {
    total.failed++;
    stageLines.push(`e2e: FAILED (exit ${code}, no report)`);
    return;
  }
  const r = JSON.parse(readFileSync(out, 'utf8')) as PlaywrightJson;
  // Playwright's `expected` holds only tests that ran as expected; test.skip / fixme / a runtime skip are `skipped`.
  const failed = r.stats.unexpected + r.stats.flaky + r.errors.length;
  total.passed += r.stats.expected;
  total.failed += failed;
  total.skipped += r.stats.skipped;
  stageLines.push(`e2e: ${tallyLine(r.stats.expected, failed, r.stats.skipped)}`);
}

const only = process.argv[2];
if (!only || only === 'static') {
  check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  check('lint', 'npm', ['run', '--silent', 'lint']);
}
if (!only || only === 'unit') unit();
if (!only || only === 'e2e') e2e();

console.log('\n' + stageLines.join('\n'));
console.log(tallyLine(total.passed, total.failed, total.skipped));
process.exit(total.failed > 0 ? 1 : 0);
