import { SearchPage } from '@convene/web-discussions';
import { DocumentSearchResults } from '@convene/web-documents';

export default function NetworkSearchPage() {
  return <SearchPage above={(search) => <DocumentSearchResults {...search} />} />;
}
