// Draws the app's icons (PNG) from the favicon's design, with Chromium: the installed app's icons
// (192 and 512 px), a maskable one with the figure inside the safe zone, an Apple touch icon, and
// a white-on-transparent badge for notifications. Run again after changing the design:
//   node tools/make-icons.mjs
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const out = join(import.meta.dirname, '../apps/web/public/icons');
const FIGURE =
  '<circle cx="11" cy="13" r="4" fill="{fg}"/><circle cx="21" cy="13" r="4" fill="{fg}"/>' +
  '<path d="M5 26c1-4 3.5-6 6-6s5 2 6 6M15 26c1-4 3.5-6 6-6s5 2 6 6" stroke="{fg}" stroke-width="2.2" fill="none" stroke-linecap="round"/>';
const figure = (fg) => FIGURE.replaceAll('{fg}', fg);

/** viewBox 0 0 32 32; `inset` shrinks the figure toward the centre (maskable icons are cropped to a circle). */
function svg({ size, rounded, inset = 0, background = '#364fc7', fg = '#fff' }) {
  const scale = (32 - 2 * inset) / 32;
  const backdrop = background ? `<rect width="32" height="32" rx="${rounded ? 7 : 0}" fill="${background}"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="${size}" height="${size}">${backdrop}<g transform="translate(${inset} ${inset}) scale(${scale})">${figure(fg)}</g></svg>`;
}

const icons = [
  ['icon-192.png', svg({ size: 192, rounded: true })],
  ['icon-512.png', svg({ size: 512, rounded: true })],
  ['maskable-512.png', svg({ size: 512, rounded: false, inset: 5 })],
  ['apple-touch-icon.png', svg({ size: 180, rounded: false, inset: 3 })],
  ['badge-96.png', svg({ size: 96, rounded: false, background: null, inset: 1 })],
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  for (const [name, markup] of icons) {
    const size = Number(/width="(\d+)"/.exec(markup)?.[1]);
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${markup}</body></html>`);
    await page.screenshot({
      path: join(out, name),
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    console.log(`icons/${name} (${size} px)`);
  }
} finally {
  await browser.close();
}
