import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-in attempts per fixed window, kept in PostgreSQL so that every API instance
 * sees the same counts. Keys are SHA-256 hashes: no username or address is stored.
 */
@Entity({ name: 'login_throttle' })
@Check(
  'chk_login_throttle_bucket',
  `"bucket" IN ('login_account', 'login_device', 'login_ip', 'login_ip_known', 'reset_account', 'reset_ip', 'join_ip', 'verify_ip')`,
)
@Index('idx_login_throttle_window_start', ['windowStart'])
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'text' })
  bucket!: string;

  @PrimaryColumn({ name: 'key_hash', type: 'text' })
  keyHash!: string;

  @PrimaryColumn({ name: 'window_start', type: 'timestamptz' })
  windowStart!: Date;

  @Column({ type: 'integer', default: 0 })
  failures!: number;
}
