import { identityEntities } from '@convene/server-identity';
import { groupsEntities } from '@convene/server-groups';
import { mailEntities } from '@convene/server-mail';

/** Every entity the worker maps (relations between domains need all of them registered). */
export const ormEntities = [...identityEntities, ...groupsEntities, ...mailEntities];
