import { Decrypter, Encrypter } from 'age-encryption';
import { readFileSync } from 'node:fs';

/**
 * How a backup is encrypted: age (age-encryption.org, FiloSottile's TypeScript implementation),
 * either to a passphrase (scrypt) or to a recipient's public key (X25519, `age1…`). With a recipient
 * the server holds only the public key: whoever steals the server or the backups cannot read them;
 * the secret key (`AGE-SECRET-KEY-1…`) stays offline and is needed only to restore.
 */
export interface BackupKeys {
  passphrase?: string;
  recipient?: string;
  /** Restore only: secret keys `AGE-SECRET-KEY-1…`. */
  identities?: string[];
  /** scrypt's log2(N); age's default (18) unless a test asks for less. */
  scryptWorkFactor?: number;
}

export class BackupKeyError extends Error {
  override name = 'BackupKeyError';
}

const MIN_PASSPHRASE = 12;

type Env = Record<string, string | undefined>;

/** DARI_BACKUP_PASSPHRASE or DARI_BACKUP_RECIPIENT; refuses to go on without one. */
export function backupKeysFromEnv(env: Env): BackupKeys {
  const passphrase = env.DARI_BACKUP_PASSPHRASE || undefined;
  const recipient = env.DARI_BACKUP_RECIPIENT?.trim() || undefined;
  if (passphrase && recipient)
    throw new BackupKeyError(
      'set DARI_BACKUP_PASSPHRASE or DARI_BACKUP_RECIPIENT, not both (an age file is encrypted to one or the other)',
    );
  if (!passphrase && !recipient)
    throw new BackupKeyError(
      'a backup is never written unencrypted: set DARI_BACKUP_RECIPIENT to an age public key (age1…, ' +
        'the secret key kept off the server) or DARI_BACKUP_PASSPHRASE to a long passphrase. See docs/operations.md "Backups".',
    );
  return { passphrase, recipient };
}

/** DARI_BACKUP_PASSPHRASE, DARI_BACKUP_IDENTITY (AGE-SECRET-KEY-1…) or DARI_BACKUP_IDENTITY_FILE. */
export function restoreKeysFromEnv(env: Env): BackupKeys {
  const identities: string[] = [];
  if (env.DARI_BACKUP_IDENTITY?.trim()) identities.push(env.DARI_BACKUP_IDENTITY.trim());
  if (env.DARI_BACKUP_IDENTITY_FILE) {
    let text: string;
    try {
      text = readFileSync(env.DARI_BACKUP_IDENTITY_FILE, 'utf8');
    } catch (e) {
      throw new BackupKeyError(`cannot read DARI_BACKUP_IDENTITY_FILE: ${(e as Error).message}`);
    }
    identities.push(
      ...text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('AGE-SECRET-KEY-')),
    );
  }
  const passphrase = env.DARI_BACKUP_PASSPHRASE || undefined;
  if (!passphrase && !identities.length)
    throw new BackupKeyError(
      'to decrypt the archive set DARI_BACKUP_PASSPHRASE, or DARI_BACKUP_IDENTITY / DARI_BACKUP_IDENTITY_FILE ' +
        '(the age secret key that matches the DARI_BACKUP_RECIPIENT the backup was made with)',
    );
  return { passphrase, identities };
}

export function encrypterFor(keys: BackupKeys): Encrypter {
  const e = new Encrypter();
  if (keys.recipient) {
    try {
      e.addRecipient(keys.recipient);
    } catch {
      throw new BackupKeyError('DARI_BACKUP_RECIPIENT is not an age public key (it starts with "age1")');
    }
  } else if (keys.passphrase) {
    if (keys.passphrase.length < MIN_PASSPHRASE)
      throw new BackupKeyError(
        `DARI_BACKUP_PASSPHRASE is too short: use at least ${MIN_PASSPHRASE} characters (a few random words)`,
      );
    if (keys.scryptWorkFactor) e.setScryptWorkFactor(keys.scryptWorkFactor);
    e.setPassphrase(keys.passphrase);
  } else throw new BackupKeyError('no passphrase or recipient to encrypt the backup to');
  return e;
}

export function decrypterFor(keys: BackupKeys): Decrypter {
  const d = new Decrypter();
  if (keys.passphrase) d.addPassphrase(keys.passphrase);
  for (const id of keys.identities ?? []) {
    try {
      d.addIdentity(id);
    } catch {
      throw new BackupKeyError('DARI_BACKUP_IDENTITY is not an age secret key (it starts with "AGE-SECRET-KEY-1")');
    }
  }
  return d;
}
