// How many SQL statements the API runs to answer one page, for the tests that show a list costs the
// same number whatever its length.
import type { ApiHarness, GqlClient } from './api-harness.js';
import { dataOf } from './group-personas.js';

/**
 * The statements one request runs, and its data (which must have no errors). The request is made
 * after a few that warm what is kept per session (who is asking: the session cache starts
 * listening on first use), and twice, keeping the fewer: what the API does besides the page at
 * that moment (a session's last-seen time, a session looked up again after a drop announced by
 * another process) is not the page's work. A statement per item shows in both.
 */
export async function pageStatements<T>(
  api: ApiHarness,
  client: GqlClient,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ statements: number; data: T }> {
  const warming: number[] = [];
  while (warming.length < 3 || (warming.at(-1) !== warming.at(-2) && warming.length < 10)) {
    warming.push(await api.statements(async () => dataOf(await client.request('{ me { id } }'))));
  }
  let data: T | null = null;
  const once = () =>
    api.statements(async () => {
      data = dataOf(await client.request<T>(query, variables));
    });
  const statements = Math.min(await once(), await once());
  if (data === null) throw new Error('the page answered nothing');
  return { statements, data };
}
