/** A person as lists show them, read as plain values (a hot list's single statement). */
export interface PersonValues {
  id: string;
  displayName: string;
  organisation: { id: string; name: string; website: string | null } | null;
}
