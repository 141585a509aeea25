// The load test's report: report.md (tables), chart.svg (p99 and CPU against members online),
// report.html (both on one page) and results.json.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LIMITS, PASS_RULE } from './criteria.mjs';
import { TIMELINE_SECONDS } from './recorder.mjs';

/** The API instances' CPU (or memory, waits) together: a deployment may run several. */
const allApis = (resources, field) => {
  const values = resources.api.map((a) => a?.[field]).filter((v) => v != null);
  return values.length ? values.reduce((a, b) => a + b, 0) : null;
};
/** The worst of the API instances (event-loop delay, connection wait). */
const worstApi = (resources, field) => {
  const values = resources.api.map((a) => a?.[field]).filter((v) => v != null);
  return values.length ? Math.max(...values) : null;
};

const ms = (v) =>
  v == null || Number.isNaN(v) ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
const pct = (v) => (v == null || Number.isNaN(v) ? '–' : `${Math.round(v)} %`);
const mib = (v) => (v == null || Number.isNaN(v) ? '–' : `${Math.round(v)} MiB`);
const num = (v, digits = 0) => (v == null || Number.isNaN(v) ? '–' : v.toFixed(digits));
const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function markdownTable(headers, rows) {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function htmlTable(headers, rows) {
  return `<table><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The one-line-per-step table of the README. */
export function summaryTable(report) {
  const headers = [
    'Members online',
    'Requests/s',
    'Reads p95 / p99',
    'Writes p99',
    'Errors',
    'Notification seen p50 / p99',
    'Lost',
    'CPU: API / worker / PostgreSQL / Redis / load',
    'API event loop p99',
    'Result',
  ];
  const rows = report.results.map((r) => {
    const u = r.resources;
    return [
      String(r.members),
      num(r.rps),
      `${ms(r.reads.p95)} / ${ms(r.reads.p99)}`,
      ms(r.writes.p99),
      r.requests ? `${r.errors} (${((100 * r.errors) / r.requests).toFixed(3)} %)` : '–',
      r.seen.count ? `${ms(r.seen.p50)} / ${ms(r.seen.p99)}` : '–',
      String(r.loss.lost),
      `${pct(allApis(u, 'cpuPercent'))} / ${pct(u.worker.cpuPercent)} / ${pct(u.postgres.cpuPercent)} / ${pct(u.redis.cpuPercent)} / ${pct(u.generator.cpuPercent)}`,
      ms(worstApi(u, 'lagP99Ms')),
      r.passed
        ? 'pass'
        : `fail: ${r.failures.length > 3 ? `${r.failures.slice(0, 3).join('; ')}; …` : r.failures.join('; ')}`,
    ];
  });
  return { headers, rows };
}

function operationsTable(result) {
  const headers = ['Operation', 'Kind', 'Count', 'Per second', 'p50', 'p95', 'p99', 'Errors'];
  const rows = result.operations.map((o) => [
    o.op,
    o.kind,
    String(o.count),
    num(o.rps, 1),
    ms(o.p50),
    ms(o.p95),
    ms(o.p99),
    Object.entries(o.errors)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ') || '0',
  ]);
  return { headers, rows };
}

function resourcesTable(report) {
  const headers = [
    'Members',
    'RSS: API / worker / PostgreSQL / Redis / load',
    'Event loop p99 (max): API / worker / load',
    'SQL statements/s: API / worker',
    'Transactions/s',
    'Pool waits/s (most waiting): API / worker',
    'Mean connection wait: API / worker',
    'Sockets',
    'Jobs/s (most queued)',
    'Redis commands/s',
    'Sign-in p50 / p99',
  ];
  const rows = report.results.map((r) => {
    const u = r.resources;
    return [
      String(r.members),
      `${mib(allApis(u, 'rssMiB'))} / ${mib(u.worker.rssMiB)} / ${mib(u.postgres.rssMiB)} / ${mib(u.redis.rssMiB)} / ${mib(u.generator.rssMiB)}`,
      `${ms(worstApi(u, 'lagP99Ms'))} (${ms(worstApi(u, 'lagMaxMs'))}) / ${ms(u.worker.lagP99Ms)} (${ms(u.worker.lagMaxMs)}) / ${ms(u.generator.lagP99Ms)}`,
      `${num(u.statementsPerSecond.api)} / ${num(u.statementsPerSecond.worker)}`,
      num(u.postgres.transactionsPerSecond),
      `${num(allApis(u, 'poolWaitsPerSecond'), 1)} (${num(worstApi(u, 'poolWaitingMax'))}) / ${num(u.worker.poolWaitsPerSecond, 1)} (${num(u.worker.poolWaitingMax)})`,
      `${num(worstApi(u, 'meanAcquireMs'), 2)} / ${num(u.worker.meanAcquireMs, 2)} ms`,
      num(u.sockets),
      `${num(u.jobsPerSecond, 1)} (${num(u.jobsWaitingMax)})`,
      num(u.redis.commandsPerSecond),
      `${ms(r.signInP50)} / ${ms(r.signInP99)}`,
    ];
  });
  return { headers, rows };
}

function lossTable(report) {
  const headers = [
    'Members',
    'Online through the step',
    'Notifications written for them',
    'Seen (timed)',
    'Not shown',
    'Never written',
    'Socket drops',
  ];
  const rows = report.results.map((r) => [
    String(r.members),
    String(r.loss.online),
    r.loss.rows == null ? '–' : String(r.loss.rows),
    String(r.seen.count),
    r.loss.notShown == null ? '–' : String(r.loss.notShown),
    r.loss.neverWritten == null ? '–' : String(r.loss.neverWritten),
    String(r.socketDrops),
  ]);
  return { headers, rows };
}

function seenTable(result) {
  const headers = ['Notification type', 'Seen', 'p50', 'p95', 'p99', 'max'];
  const rows = Object.entries(result.seenByType ?? {})
    .sort((a, b) => b[1].count - a[1].count)
    .map(([type, s]) => [type, String(s.count), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)]);
  return { headers, rows };
}

function timelineTable(result) {
  const headers = ['Seconds into the step', 'Requests/s', 'p95', 'Errors'];
  const rows = (result.timeline ?? []).map((b, i) => [
    `${i * TIMELINE_SECONDS}–${(i + 1) * TIMELINE_SECONDS}`,
    num(b.rps),
    ms(b.p95),
    String(b.errors),
  ]);
  return { headers, rows };
}

function profileTable(profile) {
  const headers = ['#', 'Function (file:line)', 'Self time', 'Share of busy time'];
  const rows = profile.rows.map((row, i) => [
    String(i + 1),
    row.fn,
    `${Math.round(row.selfMs)} ms`,
    `${(100 * row.shareOfBusy).toFixed(1)} %`,
  ]);
  return { headers, rows };
}

/** A profile's section of the Markdown report: where one process spent its CPU at the first failing step. */
function profileSection(profile, who) {
  if (!profile) return '';
  if (profile.failed) return `## No profile of ${who} at ${profile.members} members\n\n${profile.failed}\n`;
  const table = profileTable(profile);
  return [
    `## Where ${who} spends its time at ${profile.members} members`,
    '',
    `A ${profile.seconds.toFixed(0)} s CPU profile (\`${profile.file}\`, open it in Chrome DevTools): busy ${(100 * profile.busyShare).toFixed(0)} % of the time, of which garbage collection ${(100 * profile.gcShare).toFixed(1)} % and V8's own work ${(100 * profile.programShare).toFixed(1)} %. The ten functions with the most self time:`,
    '',
    markdownTable(table.headers, table.rows),
    '',
  ].join('\n');
}

/** Two panels: p99 latencies (log scale) and CPU per process, against members online. */
export function chart(report) {
  const results = report.results;
  const width = 980;
  const height = 420;
  const panel = { w: 400, h: 270, top: 50 };
  const lefts = [70, 560];
  const xs = results.map((r) => r.members);
  const xMax = Math.max(...xs, 1);
  const x = (left, v) => left + (v / xMax) * panel.w;
  const yLog = (v) => {
    const min = Math.log10(10);
    const max = Math.log10(60_000);
    const clamped = Math.min(Math.max(v, 10), 60_000);
    return panel.top + panel.h - ((Math.log10(clamped) - min) / (max - min)) * panel.h;
  };
  const cpuMax = 200;
  const yCpu = (v) => panel.top + panel.h - (Math.min(v, cpuMax) / cpuMax) * panel.h;
  const line = (left, points, y, color, dash = '') => {
    const valid = points.filter(([, v]) => v != null && Number.isFinite(v));
    if (!valid.length) return '';
    const d = valid.map(([px, v], i) => `${i ? 'L' : 'M'}${x(left, px).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const dots = valid
      .map(([px, v]) => `<circle cx="${x(left, px).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${color}"/>`)
      .join('');
    return `<path d="${d}" fill="none" stroke="${color}" stroke-width="2" ${dash ? `stroke-dasharray="${dash}"` : ''}/>${dots}`;
  };
  const axes = (left, title, ticks, y, unit) =>
    `<text x="${left + panel.w / 2}" y="${panel.top - 18}" text-anchor="middle" font-weight="bold">${escape(title)}</text>` +
    `<rect x="${left}" y="${panel.top}" width="${panel.w}" height="${panel.h}" fill="none" stroke="#999"/>` +
    ticks
      .map(
        (t) =>
          `<line x1="${left}" x2="${left + panel.w}" y1="${y(t)}" y2="${y(t)}" stroke="#e5e5e5"/><text x="${left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11">${unit(t)}</text>`,
      )
      .join('') +
    xs
      .map(
        (v) =>
          `<text x="${x(left, v)}" y="${panel.top + panel.h + 16}" text-anchor="middle" font-size="11">${v}</text>`,
      )
      .join('') +
    `<text x="${left + panel.w / 2}" y="${panel.top + panel.h + 34}" text-anchor="middle" font-size="12">members online</text>`;
  const legend = (left, entries) =>
    entries
      .map(([label, color, dash], i) => {
        const x0 = left + (i % 3) * 140;
        const y0 = panel.top + panel.h + 56 + Math.floor(i / 3) * 16;
        return `<line x1="${x0}" x2="${x0 + 18}" y1="${y0}" y2="${y0}" stroke="${color}" stroke-width="2" ${dash ? `stroke-dasharray="${dash}"` : ''}/><text x="${x0 + 22}" y="${y0 + 4}" font-size="11">${escape(label)}</text>`;
      })
      .join('');
  const p = (get) => results.map((r) => [r.members, get(r)]);
  const latency = [
    ['reads p99', '#1f77b4', '', p((r) => r.reads.p99)],
    ['writes p99', '#d62728', '', p((r) => r.writes.p99)],
    ['notification seen p99', '#2ca02c', '', p((r) => r.seen.p99)],
  ];
  const cpu = [
    ['API', '#1f77b4', '', p((r) => allApis(r.resources, 'cpuPercent'))],
    ['worker', '#ff7f0e', '', p((r) => r.resources.worker.cpuPercent)],
    ['PostgreSQL', '#9467bd', '', p((r) => r.resources.postgres.cpuPercent)],
    ['Redis', '#8c564b', '', p((r) => r.resources.redis.cpuPercent)],
    ['load generator', '#7f7f7f', '4 3', p((r) => r.resources.generator.cpuPercent)],
    [
      'all of these',
      '#000000',
      '1 3',
      p(
        (r) =>
          (allApis(r.resources, 'cpuPercent') ?? 0) +
          ['worker', 'postgres', 'redis', 'generator'].reduce((sum, k) => sum + (r.resources[k]?.cpuPercent ?? 0), 0),
      ),
    ],
  ];
  const limit = (left, v, label) =>
    `<line x1="${left}" x2="${left + panel.w}" y1="${yLog(v)}" y2="${yLog(v)}" stroke="#d62728" stroke-dasharray="2 3"/><text x="${left + panel.w - 4}" y="${yLog(v) - 4}" text-anchor="end" font-size="10" fill="#d62728">${label}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
${axes(lefts[0], 'p99 latency (log scale)', [10, 100, 300, 1000, 2000, 10_000, 60_000], yLog, (t) => ms(t))}
${limit(lefts[0], LIMITS.readP99, `reads / seen limit ${ms(LIMITS.readP99)}`)}${limit(lefts[0], LIMITS.writeP99, `writes limit ${ms(LIMITS.writeP99)}`)}
${latency.map(([, color, dash, points]) => line(lefts[0], points, yLog, color, dash)).join('\n')}
${legend(lefts[0], latency)}
${axes(lefts[1], `CPU per process (${200} % = both cores)`, [0, 50, 100, 150, 200], yCpu, (t) => `${t} %`)}
${cpu.map(([, color, dash, points]) => line(lefts[1], points, yCpu, color, dash)).join('\n')}
${legend(lefts[1], cpu)}
</svg>`;
}

export async function writeReport(report, outDir) {
  const summary = summaryTable(report);
  const resources = resourcesTable(report);
  const loss = lossTable(report);
  const o = report.options;
  const intro = [
    `# Capacity of ${report.target}: ${report.capacity ? `${report.capacity} members online` : `under ${report.results[0]?.members ?? '?'} members online`}`,
    '',
    `Run ${report.when}. Steps of ${o.stepSeconds} s measured after each step's members signed in and ${o.settleSeconds} s settled; members think ${o.think[0]}–${o.think[1]} s between actions; ${o.visitorsPerMemberMinute} anonymous visitors per member online per minute (${report.visitors} in all).`,
    `Network: ${Object.entries(report.network.counts ?? {})
      .map(([k, v]) => `${v} ${k}`)
      .join(
        ', ',
      )}${report.network.generatedInSeconds ? `, generated in ${report.network.generatedInSeconds.toFixed(0)} s` : ''}.`,
    PASS_RULE,
  ].join('\n');
  const perStep = report.results.map((r) => ({
    title: `Step ${r.members}: ${r.passed ? 'pass' : 'fail'}`,
    failures: r.failures,
    table: operationsTable(r),
    seen: seenTable(r),
    timeline: timelineTable(r),
  }));
  const md = [
    intro,
    '',
    markdownTable(summary.headers, summary.rows),
    '',
    '![p99 latency and CPU against members online](chart.svg)',
    '',
    '## Resources',
    '',
    markdownTable(resources.headers, resources.rows),
    '',
    '## Notifications',
    '',
    markdownTable(loss.headers, loss.rows),
    '',
    profileSection(report.profile, 'the API'),
    profileSection(report.workerProfile, 'the worker'),
    ...perStep.map((s) =>
      [
        `## ${s.title}`,
        '',
        s.failures.length ? `Over the limits: ${s.failures.join('; ')}.\n` : '',
        markdownTable(s.table.headers, s.table.rows),
        '',
        'From a change’s response to the bell showing its notification:',
        '',
        markdownTable(s.seen.headers, s.seen.rows),
        '',
        'As the step went:',
        '',
        markdownTable(s.timeline.headers, s.timeline.rows),
        '',
      ].join('\n'),
    ),
  ].join('\n');
  const svg = chart(report);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Convene capacity</title>
<style>body{font-family:sans-serif;margin:2rem;max-width:1200px}table{border-collapse:collapse;margin:1rem 0;font-size:13px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f3f3f3}</style></head><body>
${intro
  .split('\n')
  .filter(Boolean)
  .map((line) => (line.startsWith('# ') ? `<h1>${escape(line.slice(2))}</h1>` : `<p>${escape(line)}</p>`))
  .join('\n')}
${htmlTable(summary.headers, summary.rows)}
${svg}
<h2>Resources</h2>${htmlTable(resources.headers, resources.rows)}
<h2>Notifications</h2>${htmlTable(loss.headers, loss.rows)}
${[
  [report.profile, 'the API'],
  [report.workerProfile, 'the worker'],
]
  .filter(([profile]) => profile?.rows)
  .map(
    ([profile, who]) =>
      `<h2>Where ${who} spends its time at ${profile.members} members</h2>${htmlTable(profileTable(profile).headers, profileTable(profile).rows)}`,
  )
  .join('\n')}
${perStep.map((s) => `<h2>${escape(s.title)}</h2>${s.failures.length ? `<p>Over the limits: ${escape(s.failures.join('; '))}.</p>` : ''}${htmlTable(s.table.headers, s.table.rows)}<p>From a change’s response to the bell showing its notification:</p>${htmlTable(s.seen.headers, s.seen.rows)}<p>As the step went:</p>${htmlTable(s.timeline.headers, s.timeline.rows)}`).join('\n')}
</body></html>`;
  await Promise.all([
    writeFile(join(outDir, 'report.md'), md),
    writeFile(join(outDir, 'chart.svg'), svg),
    writeFile(join(outDir, 'report.html'), html),
    writeFile(join(outDir, 'results.json'), JSON.stringify(report, null, 2)),
  ]);
}
