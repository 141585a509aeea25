// Checks the name a user gives an uploaded file. The name is shown to others and used for the
// download, never as a storage path, so it is refused when it could mislead or break a header:
// invisible characters, direction overrides that hide the real extension, path parts.

export const FILE_NAME_MAX = 255;

// C0 controls (tabs and line breaks too), DEL and C1 controls (Unicode's Cc): none belongs in a one-line name.
const CONTROL = /\p{Cc}/u;
// Embeddings, overrides and isolates: "invoice\u202Efdp.exe" displays as "invoiceexe.pdf".
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
// A lone surrogate cannot be written as UTF-8; in `u` mode a proper pair is one character and does not match.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** The name to store (trimmed, NFC), or a message for the user saying why it is refused. */
export function checkFileName(raw: string | undefined | null): { name: string } | { error: string } {
  const name = (raw ?? '').trim().normalize('NFC');
  if (!name) return { error: 'The file needs a name.' };
  if ([...name].length > FILE_NAME_MAX)
    return { error: `The file name is too long (at most ${FILE_NAME_MAX} characters).` };
  if (CONTROL.test(name)) return { error: 'The file name contains invisible control characters.' };
  if (BIDI_CONTROL.test(name))
    return {
      error:
        'The file name contains characters that reverse the text direction, which can disguise the type of a file.',
    };
  if (LONE_SURROGATE.test(name)) return { error: 'The file name contains invalid characters.' };
  if (/[/\\]/.test(name)) return { error: 'The file name cannot contain / or \\.' };
  if (name === '.' || name.startsWith('..')) return { error: 'The file name cannot be "." or start with "..".' };
  return { name };
}
