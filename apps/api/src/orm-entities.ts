import { coreEntities } from '@convene/server-core';
import { identityEntities } from '@convene/server-identity';
import { groupsEntities } from '@convene/server-groups';
import { mailEntities } from '@convene/server-mail';
import { notificationsEntities } from '@convene/server-notifications';
import { discussionsEntities } from '@convene/server-discussions';
import { documentsEntities } from '@convene/server-documents';
import { meetingsEntities } from '@convene/server-meetings';
import { submissionsEntities } from '@convene/server-submissions';
import { privacyEntities } from '@convene/server-privacy';

/** Every entity the API maps, from each domain. */
export const ormEntities = [
  ...coreEntities,
  ...identityEntities,
  ...groupsEntities,
  ...mailEntities,
  ...notificationsEntities,
  ...discussionsEntities,
  ...documentsEntities,
  ...meetingsEntities,
  ...submissionsEntities,
  ...privacyEntities,
];
