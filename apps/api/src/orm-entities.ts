import { identityEntities } from '@convene/server-identity';
import { groupsEntities } from '@convene/server-groups';
import { mailEntities } from '@convene/server-mail';

/** Every entity the API maps, from each domain. */
export const ormEntities = [...identityEntities, ...groupsEntities, ...mailEntities];
