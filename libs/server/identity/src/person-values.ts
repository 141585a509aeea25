/** A person as lists show them, read as plain values (a hot list's single statement). */
export interface PersonValues {
  id: string;
  displayName: string;
  organisation: { id: string; name: string; website: string | null } | null;
}

/** The columns a plain statement reads a person's organisation into (left-joined: null without one). */
export interface OrganisationColumns {
  org_id: string | null;
  org_name: string | null;
  org_website: string | null;
}

/** A person's organisation from a plain statement's row. */
export function organisationOf(row: OrganisationColumns): PersonValues['organisation'] {
  if (!row.org_id) return null;
  // The name is a required column: with the organisation's id, the join found its name too.
  if (row.org_name === null) throw new Error(`Organisation ${row.org_id} was read without its name.`);
  return { id: row.org_id, name: row.org_name, website: row.org_website };
}
