// Chance, choice and words for the simulated people.

export const uniform = (min, max) => min + Math.random() * (max - min);
export const chance = (p) => Math.random() < p;
export const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** A key of `weights`, with probability proportional to its weight. */
export function pickWeighted(weights) {
  const entries = Object.entries(weights);
  let roll = Math.random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll < 0) return key;
  }
  return entries.at(-1)[0];
}

/** Waits `ms`, waking early (within a second) once `stopped()` says so. */
export async function sleep(ms, stopped = () => false) {
  const until = performance.now() + ms;
  while (!stopped()) {
    const left = until - performance.now();
    if (left <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, 1000)));
  }
}

const OPENERS = [
  'I agree with this',
  'Thanks for sharing',
  'Following up on the last meeting',
  'A quick update',
  'From our drop-in this week',
  'One concern',
  'Good point',
  'To add to this',
];
const PHRASES = [
  'the legal aid clinic can review the letter before Friday',
  'three people at the drop-in were asked for their papers at the GP surgery',
  'we should take the findings to the council’s scrutiny committee',
  'the interpreters’ rota still has gaps on Tuesdays',
  'the FOI request on data sharing with the Home Office came back',
  'the campaign needs more voices from outside London',
  'the housing association agreed to meet us next month',
  'settled status applications are still being refused for missing documents',
  'the faith leaders’ letter has forty signatures now',
  'we could run the know-your-rights session in Arabic and Tigrinya',
  'the summit workshop on policing needs a second facilitator',
  'detention visits resume after the holidays',
  'students are worried about the new reporting conditions',
  'the domestic workers’ group wants to join the next call',
  'the report draft is in the documents folder',
];

/** `n` sentences of what members write to each other. */
export function sentence(n = 1) {
  return Array.from({ length: n }, (_, i) => {
    const text = i === 0 && chance(0.5) ? `${pick(OPENERS)}: ${pick(PHRASES)}` : pick(PHRASES);
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  }).join(' ');
}
