import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Server secrets Dari makes for itself, one row per use, generated at random on first use (never
 * logged, never sent). `device_cookie` signs device cookies (docs/sign-in-limits.md); deleting the
 * row makes every device cookie worthless at once, and a new secret is made on the next sign-in.
 */
@Entity({ name: 'app_secrets' })
export class AppSecretEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  value!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
