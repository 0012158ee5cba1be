import { describe, expect, it } from 'vitest';
import { CliUsageError, EXIT_FAILURE, EXIT_USAGE, oneLineMessage, reportFailure } from './cli-errors';

describe('CLI failures', () => {
  it('write one line without --debug, the stack with it', () => {
    const lines: string[] = [];
    const e = new TypeError('bad\nthing');
    expect(reportFailure('plan', e, false, (t) => lines.push(t))).toBe(EXIT_FAILURE);
    expect(lines).toEqual(['plan: bad thing\n']);
    lines.length = 0;
    reportFailure('plan', e, true, (t) => lines.push(t));
    expect(lines[0]).toBe('plan: bad thing\n');
    expect(lines[1]).toContain('TypeError');
  });

  it('give usage mistakes exit code 2 and fold long messages', () => {
    expect(reportFailure('train', new CliUsageError('--lr'), false, () => undefined)).toBe(EXIT_USAGE);
    expect(oneLineMessage('x'.repeat(600))).toHaveLength(500);
    expect(oneLineMessage(new Error(''))).toBe('Error');
  });
});
