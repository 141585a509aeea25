import { Anchor, Text } from '@mantine/core';
import { paths } from '@convene/web-ui';
import { Link } from 'react-router';

/**
 * What an agenda or minutes section shows: the written text (rendered by the API), then the
 * document it links to; `empty` when there is neither.
 */
export function MeetingWriting({
  html,
  document,
  documentLabel,
  empty,
}: {
  /** The rendered text, or null when none is written. */
  html: string | null;
  document: { id: string; title: string } | null | undefined;
  documentLabel: string;
  empty: string;
}) {
  return (
    <>
      {html ? (
        <div className="convene-meeting-markdown" dir="auto" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        !document && (
          <Text size="sm" c="gray.7">
            {empty}
          </Text>
        )
      )}
      {document && (
        <Anchor component={Link} to={paths.document(document.id)} size="sm" display="block" mt="xs" dir="auto">
          {documentLabel}
        </Anchor>
      )}
    </>
  );
}
