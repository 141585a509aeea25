import { describe, expect, it } from '@jest/globals';
import { parseFragment } from 'parse5';
import { mentionKey, mentionsIn, renderMarkdown, type MentionTarget } from './markdown.util.js';

// Bodies people might type to run code in someone else's browser. None may survive as markup.
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r="10"/></svg>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:alert(1))',
  '![x](https://example.org/x.png" onerror="alert(1))',
  '<iframe src="https://example.org"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<<script>script>alert(1)<</script>/script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<details open ontoggle=alert(1)>',
  '[a](https://example.org "title\\" onmouseover=\\"alert(1)")',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '`<script>` in code is text',
  '```html\n<script>alert(1)</script>\n```',
];

/** Elements Markdown may produce; anything else (script, svg, iframe, img…) is a failure. */
const ALLOWED = new Set([
  'span',
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'a',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'blockquote',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const ALLOWED_ATTRIBUTES = new Set([
  'data-user-id',
  'href',
  'title',
  'rel',
  'target',
  'class',
  'start',
  'style',
  'dir',
]);

interface Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
}

/** What a browser would build from the HTML, checked element by element. */
function executableParts(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Node) => {
    if (node.attrs) {
      if (!ALLOWED.has(node.nodeName)) found.push(`<${node.nodeName}>`);
      for (const attr of node.attrs) {
        if (!ALLOWED_ATTRIBUTES.has(attr.name)) found.push(`${node.nodeName}[${attr.name}]`);
        if (attr.name === 'href' && !/^(https?:|mailto:|\/(?!\/)|#)/i.test(attr.value))
          found.push(`href=${attr.value}`);
        if (attr.name === 'style' && !/^text-align:(left|right|center)$/.test(attr.value))
          found.push(`style=${attr.value}`);
        if (attr.name === 'dir' && attr.value !== 'auto') found.push(`dir=${attr.value}`);
      }
    }
    node.childNodes?.forEach(walk);
  };
  walk(parseFragment(html) as unknown as Node);
  return found;
}

describe(renderMarkdown.name, () => {
  it.each(HOSTILE)('renders %j with nothing executable', (body) => {
    expect(executableParts(renderMarkdown(body))).toEqual([]);
  });

  it('finds executable parts when they are there (the check itself can fail)', () => {
    expect(executableParts('<p><img src=x onerror=alert(1)><a href="javascript:x">y</a></p>')).toEqual([
      '<img>',
      'img[src]',
      'img[onerror]',
      'href=javascript:x',
    ]);
  });

  it('renders the Markdown people use', () => {
    const html = renderMarkdown(
      '## Agenda\n\n- **NHS** charging\n- [Guide](https://example.org/guide)\n\n> quoted\n\n`code`',
    );
    expect(html).toContain('<h2 dir="auto">Agenda</h2>');
    expect(html).toContain('<li dir="auto"><strong>NHS</strong> charging</li>');
    expect(html).toContain(
      '<a href="https://example.org/guide" rel="nofollow noopener noreferrer" target="_blank">Guide</a>',
    );
    expect(html).toContain('<blockquote dir="auto">');
    expect(html).toContain('<code>code</code>');
  });

  it('gives each paragraph, list item, quote, heading and table cell its own direction', () => {
    const html = renderMarkdown(
      'نلتقي يوم الخميس.\n\nBring the FOI letters!\n\n- أولاً\n- second\n\n| a | b |\n|---|---|\n| ج | d |',
    );
    const opened = [...html.matchAll(/<(p|li|th|td)( dir="auto")?>/g)].map((m) => `${m[1]}${m[2] ? ' auto' : ''}`);
    expect(opened).toEqual(['p auto', 'p auto', 'li auto', 'li auto', 'th auto', 'th auto', 'td auto', 'td auto']);
  });

  it('shows raw HTML as text and keeps same-site links', () => {
    expect(renderMarkdown('<b>hi</b>')).toBe('<p dir="auto">&lt;b&gt;hi&lt;/b&gt;</p>\n');
    expect(renderMarkdown('[minutes](/groups/health)')).toContain(
      '<a href="/groups/health" rel="nofollow noopener noreferrer">minutes</a>',
    );
  });
});

describe('mentions', () => {
  // A member whose display name is itself an attack.
  const people = new Map<string, MentionTarget>([
    [mentionKey('Lucía Moreno'), { id: '6f1c1d1e-0000-4000-8000-000000000001', name: 'Lucía Moreno' }],
    [
      mentionKey('<img src=x onerror=alert(1)>'),
      { id: '6f1c1d1e-0000-4000-8000-000000000002', name: '<img src=x onerror=alert(1)>' },
    ],
  ]);

  it('finds mentions outside code and links, and @group-convenors', () => {
    expect(
      mentionsIn(
        'Hi @[Lucía Moreno] and @group-convenors, not `@[Code Person]` nor [@[Link Person]](https://example.org)',
      ),
    ).toEqual({
      names: ['Lucía Moreno'],
      groupConvenors: true,
    });
    expect(mentionsIn('@group-convenorship is not the convenors').groupConvenors).toBe(false);
  });

  it('renders a resolved mention as a marked span, matching names whatever their case and spacing', () => {
    expect(renderMarkdown('Ask @[lucía  MORENO].', people)).toBe(
      '<p dir="auto">Ask <span class="mention" data-user-id="6f1c1d1e-0000-4000-8000-000000000001">@Lucía Moreno</span>.</p>\n',
    );
    expect(renderMarkdown('Ask @[Someone Else].', people)).toBe('<p dir="auto">Ask @[Someone Else].</p>\n');
  });

  it.each(HOSTILE)('a mention beside %j leaves nothing executable', (body) => {
    expect(executableParts(renderMarkdown(`@[<img src=x onerror=alert(1)>] ${body} @group-convenors`, people))).toEqual(
      [],
    );
  });
});
