import type { DocumentKind } from '@convene/web-data-access';

const COLORS: Record<DocumentKind | 'OTHER', string> = {
  ARCHIVE: 'var(--mantine-color-yellow-8)',
  IMAGE: 'var(--mantine-color-grape-7)',
  PDF: 'var(--mantine-color-red-8)',
  PRESENTATION: 'var(--mantine-color-orange-8)',
  SPREADSHEET: 'var(--mantine-color-green-8)',
  TEXT: 'var(--mantine-color-gray-7)',
  WORD_PROCESSING: 'var(--mantine-color-blue-8)',
  OTHER: 'var(--mantine-color-gray-6)',
};

const LABELS: Record<DocumentKind | 'OTHER', string> = {
  ARCHIVE: 'ZIP',
  IMAGE: 'IMG',
  PDF: 'PDF',
  PRESENTATION: 'PPT',
  SPREADSHEET: 'XLS',
  TEXT: 'TXT',
  WORD_PROCESSING: 'DOC',
  OTHER: '',
};

/** A page with a folded corner, tinted and lettered by kind: decorative, the row's text says the type. */
export function FileTypeIcon({ kind, size = 28 }: { kind: DocumentKind | null; size?: number }) {
  const key = kind ?? 'OTHER';
  return (
    <svg aria-hidden="true" width={size} height={size} viewBox="0 0 28 32" style={{ flexShrink: 0 }}>
      <path
        d="M4 1h14l8 8v20a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V3a2 2 0 0 1 2-2z"
        fill="var(--mantine-color-body)"
        stroke={COLORS[key]}
        strokeWidth="1.6"
      />
      <path d="M18 1v6a2 2 0 0 0 2 2h6" fill="none" stroke={COLORS[key]} strokeWidth="1.6" />
      {LABELS[key] && (
        <>
          <rect x="0" y="16" width="22" height="10" rx="2" fill={COLORS[key]} />
          <text
            x="11"
            y="23.6"
            textAnchor="middle"
            fontSize="7.5"
            fontWeight="700"
            fill="#fff"
            fontFamily="system-ui, sans-serif"
            direction="ltr"
          >
            {LABELS[key]}
          </text>
        </>
      )}
    </svg>
  );
}

/** A closed folder: decorative. */
export function FolderIcon({ size = 20 }: { size?: number }) {
  return (
    <svg
      aria-hidden="true"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="var(--mantine-color-yellow-2)"
      stroke="var(--mantine-color-yellow-8)"
      strokeWidth="1.6"
      strokeLinejoin="round"
      style={{ flexShrink: 0 }}
    >
      <path d="M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
    </svg>
  );
}

/** An arrow into a tray: decorative. */
export function UploadIcon({ size = 36 }: { size?: number }) {
  return (
    <svg
      aria-hidden="true"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M12 15V3" />
      <path d="m7 8 5-5 5 5" />
      <path d="M4 15v4a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-4" />
    </svg>
  );
}
