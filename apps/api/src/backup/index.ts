/** Backups and restores (`npm run backup`, `npm run restore`): see docs/operations.md "Backups". */
export { createBackup, type BackupOptions, type BackupProgress, type BackupResult } from './backup.js';
export { restoreBackup, RestoreRefused, type RestoreOptions, type RestoreResult } from './restore.js';
export { ArchiveError, MEDIA_PREFIX, type BackupManifest } from './archive.js';
export { BackupKeyError, backupKeysFromEnv, restoreKeysFromEnv, type BackupKeys } from './keys.js';
