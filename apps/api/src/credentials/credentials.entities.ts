import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CertificateEntity } from '../learning/index.js';

/**
 * The issuer's Ed25519 signing keys. The secret key is stored only encrypted (AES-256-GCM with a key
 * derived from DARI_CREDENTIAL_KEY, or the generated key file): a database dump or backup never holds
 * it in clear. One key is current (`rotated_at` null); rotated keys stay, so old credentials verify.
 */
@Entity({ name: 'credential_keys' })
@Index('uq_credential_keys_current', ['current'], { unique: true, where: '"rotated_at" IS NULL' })
export class CredentialKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Multikey, `z6Mk…`: the verification method's public key. */
  @Column({ name: 'public_key_multibase', type: 'text', unique: true })
  publicKeyMultibase!: string;

  /** `v1.<iv>.<tag>.<ciphertext>` (base64url): the secret key multibase, encrypted. */
  @Column({ name: 'secret_key_encrypted', type: 'text' })
  secretKeyEncrypted!: string;

  /** Always true: only there so the partial unique index allows one current key. */
  @Column({ type: 'boolean', default: true })
  current!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;
}

/**
 * A Bitstring Status List (revocation): `bits` is the raw list (1 bit per credential, at least 131,072
 * entries, as the spec asks for herd privacy); `next_index` hands out positions under the row's lock,
 * so two issuances never share one. `signed` is the list credential as last signed (re-signed on every
 * revocation). `key_id`: the key (so the did:key) the list belongs to.
 */
@Entity({ name: 'credential_status_lists' })
@Check('chk_credential_status_lists_next', `"next_index" >= 0 AND "next_index" <= "length"`)
export class CredentialStatusListEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Index('idx_credential_status_lists_key_id')
  @Column({ name: 'key_id', type: 'uuid' })
  keyId!: string;

  @ManyToOne(() => CredentialKeyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'key_id' })
  key?: CredentialKeyEntity;

  @Column({ type: 'integer' })
  length!: number;

  @Column({ name: 'next_index', type: 'integer', default: 0 })
  nextIndex!: number;

  @Column({ type: 'bytea' })
  bits!: Buffer;

  @Column({ type: 'text', nullable: true })
  signed!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/**
 * An issued OpenBadgeCredential: Dari's copy of exactly what the learner downloads (`document`, the
 * signed JSON). At most one live (unrevoked) credential per certificate. `revoked_by`: `learner`
 * (withdrawn; may ask again), `admin` (with a reason in the audit log), `erasure`.
 */
@Entity({ name: 'credentials' })
@Index('uq_credentials_live', ['certificateId'], { unique: true, where: '"revoked_at" IS NULL' })
@Index('uq_credentials_status', ['statusListId', 'statusIndex'], { unique: true })
@Check('chk_credentials_revoked_by', `"revoked_by" IN ('learner', 'admin', 'erasure')`)
export class CredentialEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('idx_credentials_certificate_id')
  @Column({ name: 'certificate_id', type: 'uuid' })
  certificateId!: string;

  @ManyToOne(() => CertificateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'certificate_id' })
  certificate?: CertificateEntity;

  @Index('idx_credentials_key_id')
  @Column({ name: 'key_id', type: 'uuid' })
  keyId!: string;

  @ManyToOne(() => CredentialKeyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'key_id' })
  key?: CredentialKeyEntity;

  @Column({ name: 'status_list_id', type: 'integer' })
  statusListId!: number;

  @ManyToOne(() => CredentialStatusListEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'status_list_id' })
  statusList?: CredentialStatusListEntity;

  @Column({ name: 'status_index', type: 'integer' })
  statusIndex!: number;

  @Column({ type: 'text' })
  document!: string;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_by', type: 'text', nullable: true })
  revokedBy!: 'learner' | 'admin' | 'erasure' | null;
}

/** The organisation running Dari as credentials name it: one row (`id` = 1), set by an admin. */
@Entity({ name: 'credential_issuer' })
@Check('chk_credential_issuer_one', `"id" = 1`)
export class CredentialIssuerEntity {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ name: 'image_url', type: 'text', nullable: true })
  imageUrl!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
