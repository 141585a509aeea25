export { AuditLogPage as default } from '@convene/web-identity';
