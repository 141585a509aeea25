import { z } from 'zod';

export const DEV_MAIL_PATH = '/api/dev/mail';

const devMailSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
});

export type DevMail = z.infer<typeof devMailSchema>;

export async function fetchDevMail(signal?: AbortSignal): Promise<DevMail[]> {
  const response = await fetch(DEV_MAIL_PATH, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    signal,
  });
  if (!response.ok) throw new Error(`GET ${DEV_MAIL_PATH} answered ${response.status}`);
  return z.array(devMailSchema).parse(await response.json());
}

const URL_PATTERN = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/g;

/** Splits mail text into plain text and URLs so links can be rendered clickable. */
export function splitLinks(text: string): Array<{ kind: 'text' | 'link'; value: string }> {
  const parts: Array<{ kind: 'text' | 'link'; value: string }> = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ kind: 'text', value: text.slice(last, start) });
    parts.push({ kind: 'link', value: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', value: text.slice(last) });
  return parts;
}
