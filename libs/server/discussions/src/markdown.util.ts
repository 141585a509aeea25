// Post bodies are Markdown, rendered to HTML once when written. Raw HTML is never passed through
// (it is shown as text), links keep only safe schemes and get rel="nofollow noopener noreferrer",
// and images are shown as links until documents can be embedded.
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:|\/(?!\/)|#)/i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
md.disable(['image']);

// markdown-it's own check refuses javascript:, vbscript:, file: and most data: links; this one is
// stricter still: only web, mail and same-site links.
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

const renderLink = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet('rel', 'nofollow noopener noreferrer');
  if (/^https?:/i.test(String(token.attrGet('href') ?? ''))) token.attrSet('target', '_blank');
  return renderLink(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}
