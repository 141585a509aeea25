// The capacity load test, run small: 100 simulated members for 30 seconds against the real API and
// worker on a generated network. Whatever the timings, every request must succeed and every
// notification meant for someone online must reach their bell. Speed is the full run's business
// (`npm run load`), never this test's.
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRoot, root } from './processes.js';

interface Operation {
  op: string;
  count: number;
  errors: Record<string, number>;
}

interface Report {
  results: Step[];
  /** Every request of the run, sign-ins included. */
  wholeRun: Operation[];
}

interface Step {
  members: number;
  signedIn: number;
  requests: number;
  errors: number;
  operations: Operation[];
  seen: { count: number };
  loss: { online: number; rows: number; notShown: number; neverWritten: number; lost: number; missing: unknown[] };
}

describe('load test smoke', () => {
  it('100 members for 30 s: every request succeeds and every notification arrives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convene-load-smoke-'));
    const json = join(dir, 'results.json');
    const output: string[] = [];
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        [join(root, 'test/load/run.mjs'), '--smoke', `--json=${json}`, `--out=${dir}`],
        {
          env: { ...process.env, CONVENE_BUILD_ROOT: buildRoot },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.once('exit', resolve);
    });
    let report: Report;
    try {
      report = JSON.parse(readFileSync(json, 'utf8'));
    } catch {
      throw new Error(`the load test wrote no results (exit ${code}):\n${output.join('')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(report.results).toHaveLength(1);
    const step = report.results[0] as Step;
    expect(step.members).toBe(100);
    expect(step.signedIn).toBe(100);
    // Every request of the run (sign-ins, socket connections and the minutes around the step
    // included) succeeded…
    expect(
      report.wholeRun
        .filter((o) => Object.keys(o.errors).length > 0)
        .map((o) => `${o.op}: ${JSON.stringify(o.errors)}`),
    ).toEqual([]);
    expect(step.errors).toBe(0);
    // …and each thing members and visitors do was done (each member starts with a different one).
    const done = new Set(report.wholeRun.map((o) => o.op));
    for (const op of [
      'SignIn',
      'socket connect',
      'Thread',
      'GroupThreads',
      'GroupDocuments',
      'Reply',
      'ReactToPost',
      'MarkThreadRead',
      'Notifications',
      'NotificationsAfter',
      'MarkNotificationsRead',
      'MyCalendar',
      'Meeting',
      'Document',
      'GET document content',
      'SearchPosts',
      'POST upload document',
      'CreateThread',
      'RequestToJoin',
      'RegisterForEvent',
      'SubmitPitch',
      'thread:watch',
    ]) {
      expect([op, done.has(op)]).toEqual([op, true]);
    }
    // Notifications were written for people online, each reached their bell, and none was lost.
    expect(step.loss.online).toBeGreaterThan(90);
    expect(step.loss.rows).toBeGreaterThan(0);
    expect(step.seen.count).toBeGreaterThan(0);
    const { notShown, neverWritten, lost, missing } = step.loss;
    expect({ notShown, neverWritten, lost, missing }).toEqual({ notShown: 0, neverWritten: 0, lost: 0, missing: [] });
    expect(code).toBe(0);
  });
});
