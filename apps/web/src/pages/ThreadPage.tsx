import { ThreadPage } from '@convene/web-discussions';
import { ThreadDocuments } from '@convene/web-documents';

export default function DiscussionPage() {
  return <ThreadPage aside={(threadId) => <ThreadDocuments threadId={threadId} />} />;
}
