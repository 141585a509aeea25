// The kinds of file people filter a group's documents by, and the types each covers. Every type
// an admin may allow is in one kind; SVG and HTML are in none (they could run script in a browser).

export type DocumentKind = 'PDF' | 'IMAGE' | 'TEXT' | 'WORD_PROCESSING' | 'SPREADSHEET' | 'PRESENTATION' | 'ARCHIVE';

export const KIND_TYPES: { readonly [K in DocumentKind]: readonly string[] } = {
  PDF: ['application/pdf'],
  IMAGE: ['image/png', 'image/apng', 'image/jpeg', 'image/gif', 'image/webp'],
  TEXT: ['text/plain', 'text/markdown', 'text/csv'],
  WORD_PROCESSING: [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text',
    'application/msword',
    'application/rtf',
  ],
  SPREADSHEET: [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/vnd.ms-excel',
  ],
  PRESENTATION: [
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.presentation',
    'application/vnd.ms-powerpoint',
  ],
  ARCHIVE: ['application/zip'],
};

export function kindOf(mime: string): DocumentKind | null {
  for (const [kind, types] of Object.entries(KIND_TYPES) as [DocumentKind, readonly string[]][])
    if (types.includes(mime)) return kind;
  return null;
}
