import { DataExport } from './data-export.entity.js';

export { PrivacyModule } from './privacy.module.js';
export { DataExportService } from './data-export.service.js';
export { AccountDeletionService } from './account-deletion.service.js';
export { PrivacyErrorCode } from './privacy.errors.js';
export type { DataExport };

/** Entities of this domain, for the ORM configuration of the composition roots. */
export const privacyEntities = [DataExport];
