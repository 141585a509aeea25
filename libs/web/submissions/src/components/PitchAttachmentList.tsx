import { useFileSize } from '@convene/web-ui';
import { Anchor, Text } from '@mantine/core';
import type { PitchFileFieldsFragment } from '@convene/web-data-access';

/** A pitch's files as download links, with their size. */
export function PitchAttachmentList({ files, empty }: { files: PitchFileFieldsFragment[]; empty?: string }) {
  const fileSize = useFileSize();
  if (files.length === 0) {
    return empty ? (
      <Text size="sm" c="gray.7">
        {empty}
      </Text>
    ) : null;
  }
  return (
    <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
      {files.map((file) => (
        <li key={file.id}>
          <Anchor href={file.downloadUrl} download={file.fileName} size="sm" dir="auto">
            {file.fileName}
          </Anchor>{' '}
          <Text span size="xs" c="gray.7">
            ({fileSize(file.size)})
          </Text>
        </li>
      ))}
    </ul>
  );
}
