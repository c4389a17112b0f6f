import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Locale, Role, UserStatus } from '@dari/contracts';

/** An account. Dari never stores an email, phone number or real name. */
@Entity({ name: 'users' })
@Index('idx_users_display_name', ['displayName', 'id'])
@Check('chk_users_role', `"role" IN ('learner', 'instructor', 'manager', 'admin')`)
@Check('chk_users_status', `"status" IN ('active', 'disabled')`)
@Check('chk_users_locale', `"locale" IN ('ko', 'en', 'zh')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Normalised (NFC, lower case); unique. */
  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'text', default: 'active' })
  status!: UserStatus;

  @Column({ type: 'text', default: 'ko' })
  locale!: Locale;

  /** argon2id; null until the person sets a password with a one-time code. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  /** The version of the privacy notice the person accepted when joining, and when. */
  @Column({ name: 'privacy_version', type: 'text', nullable: true })
  privacyVersion!: string | null;

  @Column({ name: 'privacy_accepted_at', type: 'timestamptz', nullable: true })
  privacyAcceptedAt!: Date | null;

  /** Set when the account was erased: the row stays, pseudonymous, so the programme's numbers stay right. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
