import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

/**
 * `npm test`: typecheck, lint, unit tests (Vitest, Node) and end-to-end tests (Playwright + Debian Chromium against
 * the built app). Every stage runs even when an earlier one failed, so one run tells everything; the last line is
 * `N passed, N failed` (typecheck and lint count as one check each), and the exit code is non-zero on any failure.
 */
interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const stageLines: string[] = [];

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
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests + brokenFiles;
  total.skipped += r.numPendingTests + r.numTodoTests;
  stageLines.push(
    `unit: ${r.numPassedTests} passed, ${r.numFailedTests + brokenFiles} failed, ${r.numPendingTests} skipped`,
  );
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
  const failed = r.stats.unexpected + r.stats.flaky + r.errors.length;
  total.passed += r.stats.expected;
  total.failed += failed;
  total.skipped += r.stats.skipped;
  stageLines.push(`e2e: ${r.stats.expected} passed, ${failed} failed, ${r.stats.skipped} skipped`);
}

const only = process.argv[2];
if (!only || only === 'static') {
  check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  check('lint', 'npm', ['run', '--silent', 'lint']);
}
if (!only || only === 'unit') unit();
if (!only || only === 'e2e') e2e();

console.log('\n' + stageLines.join('\n'));
if (total.skipped) console.log(`${total.skipped} skipped`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
