// Post bodies are Markdown, rendered to HTML once when written. Raw HTML is never passed through
// (it is shown as text), links keep only safe schemes and get rel="nofollow noopener noreferrer",
// and images are shown as links until documents can be embedded.
//
// Mentions are written `@[Display Name]` (the composer's autocomplete inserts them) or
// `@group-convenors`; inside code they stay text.
import MarkdownIt from 'markdown-it';
import { GROUP_CONVENORS_MENTION } from '@convene/shared-contracts';

const SAFE_LINK = /^(https?:|mailto:|\/(?!\/)|#)/i;
const MENTION = new RegExp(`@\\[([^\\]\\n]{1,80})\\]|@${GROUP_CONVENORS_MENTION}(?![\\p{L}\\p{N}_-])`, 'gu');

/** A mention resolved to a member of the group. */
export interface MentionTarget {
  id: string;
  name: string;
}

/** The mentions written in a body. */
interface FoundMentions {
  names: string[];
  groupConvenors: boolean;
}

interface RenderEnv {
  /** Resolved mentions by normalised name; unresolved ones render as the text written. */
  people?: Map<string, MentionTarget>;
  /** Filled while parsing: every mention found outside code and links. */
  found?: FoundMentions;
}

/** How names are compared: Unicode-normalised, spaces collapsed, case folded. */
export const mentionKey = (name: string) => name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
md.disable(['image']);

// markdown-it's own check refuses javascript:, vbscript:, file: and most data: links; this one is
// stricter still: only web, mail and same-site links.
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

const renderLink =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  token.attrSet('rel', 'nofollow noopener noreferrer');
  if (/^https?:/i.test(String(token.attrGet('href') ?? ''))) token.attrSet('target', '_blank');
  return renderLink(tokens, idx, options, env, self);
};

// After inline parsing (and the joining of adjacent text), split text into text and mentions.
md.core.ruler.push('mentions', (state) => {
  const env = state.env as RenderEnv;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children: typeof block.children = [];
    const text = (content: string) => Object.assign(new state.Token('text', '', 0), { content });
    let inLink = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') inLink += 1;
      if (token.type === 'link_close') inLink -= 1;
      if (token.type !== 'text' || inLink > 0 || !token.content.includes('@')) {
        children.push(token);
        continue;
      }
      let last = 0;
      for (const match of token.content.matchAll(MENTION)) {
        if (match.index > last) children.push(text(token.content.slice(last, match.index)));
        const mention = new state.Token('mention', '', 0);
        mention.content = match[0];
        mention.meta = match[1] === undefined ? { group: true } : { name: match[1] };
        if (env.found) {
          if (match[1] === undefined) env.found.groupConvenors = true;
          else env.found.names.push(match[1]);
        }
        children.push(mention);
        last = match.index + match[0].length;
      }
      if (last < token.content.length) children.push(text(token.content.slice(last)));
    }
    block.children = children;
  }
});

// Each paragraph, list item, quote, heading and table cell takes its direction from its own first
// strong letter: an Arabic paragraph reads right to left, the English one after it left to right.
const OWN_DIRECTION = new Set([
  'paragraph_open',
  'list_item_open',
  'blockquote_open',
  'heading_open',
  'th_open',
  'td_open',
]);
md.core.ruler.push('direction', (state) => {
  for (const token of state.tokens) if (OWN_DIRECTION.has(token.type) && !token.hidden) token.attrSet('dir', 'auto');
});

md.renderer.rules['mention'] = (tokens, idx, _options, env) => {
  const token = tokens[idx];
  const meta = token.meta as { group?: boolean; name?: string };
  const escape = md.utils.escapeHtml;
  if (meta.group) return `<span class="mention mention-group">@${GROUP_CONVENORS_MENTION}</span>`;
  const person = (env as RenderEnv | undefined)?.people?.get(mentionKey(meta.name ?? ''));
  if (!person) return escape(token.content);
  return `<span class="mention" data-user-id="${escape(person.id)}">@${escape(person.name)}</span>`;
};

/** The mentions written in a body (outside code and links), in order. */
export function mentionsIn(source: string): FoundMentions {
  const found: FoundMentions = { names: [], groupConvenors: false };
  md.parse(source, { found } satisfies RenderEnv);
  return found;
}

export function renderMarkdown(source: string, people?: Map<string, MentionTarget>): string {
  return md.render(source, { people } satisfies RenderEnv as Parameters<typeof md.render>[1]);
}
