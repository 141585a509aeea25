// The budget's arithmetic on a small made-up build: what each page counts, once each, and the
// limits it is held to. Run by `npm test` (check `budget`) before the budget of the real build.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KB, pageCosts, pageNamespaces, PAGE_LIMIT, PUBLIC_FORM_LIMIT, SIGNED_OUT } from './web-budget.mjs';

const page = (name, imports = [], css = []) => ({
  file: `assets/${name}.js`,
  src: `src/pages/${name}.tsx`,
  isDynamicEntry: true,
  imports,
  css,
});
const texts = (namespace) => ({
  file: `assets/${namespace}.en.js`,
  src: `../../libs/web/${namespace}/src/i18n/${namespace}.en.ts`,
  isDynamicEntry: true,
});

/** A build with every page the budget names, each a small chunk, plus what the tests add. */
function manifest(extra = {}) {
  const chunks = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_react.js'], css: ['assets/index.css'] },
    '_react.js': { file: 'assets/react.js' },
    '_form.js': { file: 'assets/form.js', imports: ['_react.js'], css: ['assets/form.css'] },
    'src/pages/HeaderActions.tsx': page('HeaderActions', ['_react.js']),
    '../../libs/web/identity/src/i18n/identity.en.ts': texts('identity'),
    '../../libs/web/groups/src/i18n/groups.en.ts': texts('groups'),
    '../../libs/web/identity/src/i18n/identity.ar.ts': {
      file: 'assets/identity.ar.js',
      src: '../../libs/web/identity/src/i18n/identity.ar.ts',
      isDynamicEntry: true,
    },
  };
  for (const name of SIGNED_OUT) chunks[`src/pages/${name}.tsx`] = page(name, ['_react.js']);
  return { ...chunks, ...extra };
}

const namespaces = (pages) =>
  new Map([...SIGNED_OUT, 'HeaderActions', ...Object.keys(pages)].map((name) => [name, pages[name] ?? []]));

/** Sizes in KB by file name; 1 KB for anything not named. */
const sizes = (table) => (file) => (table[file.replace(/^assets\//, '')] ?? 1) * KB;

describe('web budget', () => {
  it('counts the entry, the page, its imports and styles, and its English texts, each file once', () => {
    const build = manifest({ 'src/pages/SignInPage.tsx': page('SignInPage', ['_form.js', '_react.js']) });
    const costs = pageCosts(
      build,
      new Map([...namespaces({}), ['SignInPage', ['identity']]]),
      sizes({ 'index.js': 100, 'react.js': 60, 'form.js': 10, 'form.css': 2, 'index.css': 3, 'identity.en.js': 5 }),
    );
    const signIn = costs.find((cost) => cost.page === 'SignInPage');
    // index.js + index.css + react.js (once, though three chunks import it) + SignInPage.js +
    // form.js + form.css + identity.en.js; not the Arabic texts, not the header's chunk.
    assert.deepEqual([...signIn.files].sort(), [
      'assets/SignInPage.js',
      'assets/form.css',
      'assets/form.js',
      'assets/identity.en.js',
      'assets/index.css',
      'assets/index.js',
      'assets/react.js',
    ]);
    assert.equal(signIn.bytes, (100 + 3 + 60 + 1 + 10 + 2 + 5) * KB);
    assert.equal(signIn.limit, PUBLIC_FORM_LIMIT);
  });

  it("adds the header's chunk and texts to a signed-in page, held to the larger limit", () => {
    const build = manifest({ 'src/pages/GroupsPage.tsx': page('GroupsPage', ['_react.js']) });
    const costs = pageCosts(
      build,
      new Map([...namespaces({}), ['GroupsPage', ['groups']], ['HeaderActions', ['identity']]]),
      sizes({}),
    );
    const groups = costs.find((cost) => cost.page === 'GroupsPage');
    assert.ok(groups.files.has('assets/HeaderActions.js'));
    assert.ok(groups.files.has('assets/identity.en.js'));
    assert.ok(groups.files.has('assets/groups.en.js'));
    assert.equal(groups.limit, PAGE_LIMIT);
    assert.equal(
      costs.some((cost) => cost.page === 'HeaderActions'),
      false,
    );
  });

  it('puts a page over its limit when one more import crosses it', () => {
    const heavy = (extra) =>
      pageCosts(
        manifest({
          'src/pages/PitchFormPage.tsx': page('PitchFormPage', extra ? ['_form.js'] : []),
          '_form.js': { file: 'assets/form.js' },
        }),
        namespaces({}),
        sizes({ 'index.js': 190, 'form.js': 10 }),
      ).find((cost) => cost.page === 'PitchFormPage');
    assert.ok(heavy(false).bytes <= heavy(false).limit);
    assert.ok(heavy(true).bytes > heavy(true).limit);
  });

  it('refuses a build without a page the budget names, or a page App.tsx does not load', () => {
    const build = manifest();
    delete build['src/pages/PitchFormPage.tsx'];
    assert.throws(() => pageCosts(build, namespaces({}), sizes({})), /PitchFormPage/);
    const lost = new Map(namespaces({}));
    lost.delete('SignInPage');
    assert.throws(() => pageCosts(manifest(), lost, sizes({})), /SignInPage/);
  });

  it("reads each page's namespaces from App.tsx, across lines", () => {
    const app = `
      const SignInPage = lazyPage(() => import('./pages/SignInPage'), ['identity']);
      const WorkingGroupPage = lazyPage(
        () => import('./pages/WorkingGroupPage'),
        ['groups', 'discussions'],
      );
      const DevMailPage = lazyPage(() => import('./pages/DevMailPage'), []);`;
    assert.deepEqual(
      pageNamespaces(app),
      new Map([
        ['SignInPage', ['identity']],
        ['WorkingGroupPage', ['groups', 'discussions']],
        ['DevMailPage', []],
      ]),
    );
  });
});
