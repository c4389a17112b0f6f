import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RESET_CODE_ALPHABET, type Role } from '@dari/contracts';
import { AuditService } from '../audit/index.js';
import { PasswordService } from '../auth/index.js';
import { UserEntity } from '../users/index.js';

export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role }[] = [
  { username: 'demo.learner', displayName: '데모 학습자', role: 'learner' },
  { username: 'demo.instructor', displayName: '데모 강사', role: 'instructor' },
  { username: 'demo.manager', displayName: '데모 운영자', role: 'manager' },
  { username: 'demo.admin', displayName: '데모 관리자', role: 'admin' },
];

export interface DemoSeedResult {
  created: boolean;
  /** Set when the password was made up here: printed once, never stored in clear. */
  generatedPassword?: string;
}

@Injectable()
export class DemoSeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  /**
   * On an empty database: one account per role. With DARI_DEMO_PASSWORD set, existing demo accounts
   * get that password too, so the documented password always works.
   */
  async run(password: string | undefined): Promise<DemoSeedResult> {
    const users = this.db.getRepository(UserEntity);
    if ((await users.count()) === 0) {
      const generatedPassword = password ? undefined : randomPassword();
      // generatedPassword is set whenever password is undefined; the last '' is never reached.
      const hash = await this.passwords.hash(password ?? generatedPassword ?? '');
      await this.db.transaction(async (m) => {
        for (const account of DEMO_ACCOUNTS) {
          const user = await m.save(
            m.create(UserEntity, { ...account, locale: 'ko', passwordHash: hash, passwordChangedAt: new Date() }),
          );
          await this.audit.record(
            { actorId: null, action: 'user.created', targetUserId: user.id, details: { role: user.role, demo: true } },
            m,
          );
        }
      });
      return { created: true, generatedPassword };
    }
    if (password) {
      for (const account of DEMO_ACCOUNTS) {
        const user = await users.findOneBy({ username: account.username });
        if (user && !(await this.passwords.verify(user.passwordHash, password))) {
          await users.update(
            { id: user.id },
            { passwordHash: await this.passwords.hash(password), passwordChangedAt: new Date() },
          );
        }
      }
    }
    return { created: false };
  }
}

function randomPassword(): string {
  const pick = () =>
    Array.from({ length: 4 }, () => RESET_CODE_ALPHABET[randomInt(RESET_CODE_ALPHABET.length)])
      .join('')
      .toLowerCase();
  return `${pick()}-${pick()}-${pick()}`;
}
