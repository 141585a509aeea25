// Adds lockfile entries for platform-specific optional packages that npm could not resolve
// (the registry mirror used here serves only some platforms' binaries). Without them `npm ci`
// refuses the lockfile as out of sync. Each entry carries the os/cpu/libc a real entry would,
// so npm skips it on other platforms and fetches it by name and version on its own.
// Run after every `npm install`: node tools/lockfile-platform-stubs.mjs
import { readFile, writeFile } from 'node:fs/promises';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(await readFile(path, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'netbsd', 'openbsd', 'sunos', 'aix'];
const CPU = [
  ['arm64', 'arm64'],
  ['x64', 'x64'],
  ['ia32', 'ia32'],
  ['ppc64', 'ppc64'],
  ['s390x', 's390x'],
  ['riscv64', 'riscv64'],
  ['loong64', 'loong64'],
  ['arm', 'arm'],
];

function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = OS.find((o) => tokens.includes(o));
  const cpu = CPU.find(([token]) => tokens.includes(token))?.[1];
  if (!os || !cpu) return null;
  const libc =
    os === 'linux'
      ? tokens.some((t) => t.startsWith('musl'))
        ? 'musl'
        : tokens.some((t) => t.startsWith('gnu'))
          ? 'glibc'
          : null
      : null;
  return { os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    // Where npm would look for it: beside the parent, else hoisted to the top.
    const nested = `${location ? `${location}/` : ''}node_modules/${dep}`;
    const top = `node_modules/${dep}`;
    if (packages[nested] || packages[top]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[top] = { version, optional: true, ...platform };
    added += 1;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
await writeFile(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile: added ${added} platform entr${added === 1 ? 'y' : 'ies'}`);
