import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CreatedUser,
  ListUsersQuery,
  Locale,
  Me,
  Role,
  UpdateMe,
  UpdateUser,
  UserList,
  UserSummary,
} from '@dari/contracts';
import { AuditService } from '../audit/index.js';
import { AppException } from '../common/errors/app-exception.js';
import {
  LoginThrottleService,
  normaliseUsername,
  PasswordService,
  ResetCodesService,
  SessionsService,
  toMe,
} from '../auth/index.js';
import { pgCode } from '../database/retry.js';
import {
  accountsPage,
  anotherActiveAdmin,
  countAccounts,
  lockActiveAdmins,
  renameUser,
  takenUsernames,
} from './users.queries.js';
import { UserEntity } from './user.entity.js';
import { toSummary } from './user-view.js';

interface Actor {
  userId: string;
  requestId: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly resetCodes: ResetCodesService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ id });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ username: normaliseUsername(username) });
  }

  async me(userId: string, sessionId: string): Promise<Me> {
    const user = await this.findById(userId);
    if (!user) throw AppException.unauthenticated();
    return toMe(user, await this.sessions.isSharedDevice(sessionId));
  }

  async updateMe(userId: string, sessionId: string, patch: UpdateMe): Promise<Me> {
    const changes: Partial<UserEntity> = {};
    if (patch.displayName !== undefined) changes.displayName = patch.displayName;
    if (patch.locale !== undefined) changes.locale = patch.locale;
    await this.db.getRepository(UserEntity).update({ id: userId }, changes);
    return this.me(userId, sessionId);
  }

  /** Needs the current password; ends every other session of the person. */
  async changePassword(
    actor: Actor & { sessionId: string },
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.findById(actor.userId);
    if (!user) throw AppException.unauthenticated();
    await this.throttle.hit('login_account', user.username);
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw new AppException(400, 'wrong_password', 'The current password is not right.', [
        { path: 'body.currentPassword', message: 'is not right' },
      ]);
    }
    await this.throttle.forgive('login_account', user.username);
    this.passwords.assertAcceptable(newPassword, user.username, user.displayName);
    const passwordHash = await this.passwords.hash(newPassword);
    await this.db.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { passwordHash, passwordChangedAt: new Date() });
      await this.sessions.revokeAll(user.id, actor.sessionId, m);
      await this.audit.record(
        { actorId: user.id, action: 'password.changed', targetUserId: user.id, requestId: actor.requestId },
        m,
      );
    });
  }

  async list(query: ListUsersQuery): Promise<UserList> {
    const like = query.q ? `%${query.q.normalize('NFC').replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const filter = [like, query.role ?? null, query.status ?? null] as const;
    const items = await accountsPage(this.db, [...filter], query.pageSize, (query.page - 1) * query.pageSize);
    const total = await countAccounts(this.db, ...filter);
    return { items: items.map(toSummary), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, actor: Actor): Promise<UserSummary> {
    const user = await this.findById(id);
    if (!user) throw AppException.notFound('user');
    if (user.role === 'learner') {
      await this.audit.record({
        actorId: actor.userId,
        action: 'user.viewed',
        targetUserId: user.id,
        requestId: actor.requestId,
      });
    }
    return toSummary(user);
  }

  /** Creates an account; without a password, returns a one-time code for the person to set one. */
  async create(
    input: { username: string; displayName: string; role: Role; locale: Locale; password?: string },
    actor: Actor | null,
  ): Promise<CreatedUser> {
    const username = normaliseUsername(input.username);
    if (input.password !== undefined) this.passwords.assertAcceptable(input.password, username, input.displayName);
    const passwordHash = input.password !== undefined ? await this.passwords.hash(input.password) : null;
    try {
      return await this.db.transaction(async (m) => {
        const user = await m.save(
          m.create(UserEntity, {
            username,
            displayName: input.displayName,
            role: input.role,
            locale: input.locale,
            passwordHash,
            passwordChangedAt: passwordHash ? new Date() : null,
          }),
        );
        await this.audit.record(
          {
            actorId: actor?.userId ?? null,
            action: 'user.created',
            targetUserId: user.id,
            requestId: actor?.requestId,
            details: { role: user.role },
          },
          m,
        );
        const resetCode = passwordHash
          ? null
          : await this.resetCodes.create(user.id, actor?.userId ?? null, actor?.requestId ?? null, m);
        return { user: toSummary(user), resetCode };
      });
    } catch (e) {
      if ((e as { code?: string }).code === '23505') {
        throw new AppException(409, 'username_taken', 'This username is already taken. Choose another one.', [
          { path: 'body.username', message: 'is already taken' },
        ]);
      }
      throw e;
    }
  }

  /**
   * Changes name, role or status. An admin cannot demote or disable themselves, and the last active
   * admin cannot be removed. Disabling ends the person's sessions at once.
   */
  async update(id: string, patch: UpdateUser, actor: Actor): Promise<UserSummary> {
    return this.db.transaction(async (m) => {
      if (patch.role !== undefined || patch.status !== undefined) {
        // Lock the active admins first, always in id order: two admins changing each other at the
        // same moment then queue instead of deadlocking, and the last-admin check sees the truth.
        await lockActiveAdmins(m);
      }
      const user = await m.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw AppException.notFound('user');
      const demotes = patch.role !== undefined && patch.role !== user.role;
      const disables = patch.status === 'disabled' && user.status !== 'disabled';
      if (user.id === actor.userId && (demotes || disables)) {
        throw new AppException(400, 'own_account', 'You cannot change your own role or disable your own account.');
      }
      if (user.role === 'admin' && user.status === 'active' && ((demotes && patch.role !== 'admin') || disables)) {
        await this.assertAnotherAdmin(m, user.id);
      }
      const before = { role: user.role, status: user.status };
      if (patch.displayName !== undefined) user.displayName = patch.displayName;
      if (patch.role !== undefined) user.role = patch.role;
      if (patch.status !== undefined) user.status = patch.status;
      await m.save(user);
      const base = { actorId: actor.userId, targetUserId: user.id, requestId: actor.requestId };
      if (before.role !== user.role)
        await this.audit.record(
          { ...base, action: 'user.role_changed', details: { from: before.role, to: user.role } },
          m,
        );
      if (before.status !== user.status) {
        await this.audit.record({ ...base, action: user.status === 'disabled' ? 'user.disabled' : 'user.enabled' }, m);
        if (user.status === 'disabled') await this.sessions.revokeAll(user.id, undefined, m);
      }
      if (patch.displayName !== undefined)
        await this.audit.record({ ...base, action: 'user.updated', details: { fields: ['displayName'] } }, m);
      return toSummary(user);
    });
  }

  async createResetCode(id: string, actor: Actor) {
    const user = await this.findById(id);
    if (!user) throw AppException.notFound('user');
    return this.resetCodes.create(user.id, actor.userId, actor.requestId);
  }

  private async assertAnotherAdmin(m: EntityManager, exceptId: string): Promise<void> {
    if (!(await anotherActiveAdmin(m, exceptId)))
      throw new AppException(409, 'last_admin', 'Dari needs at least one active admin: make another admin first.');
  }

  // ---- accounts other features make (inside their transaction: pass its EntityManager) ----

  /** Which of these usernames are taken already. */
  takenUsernames(usernames: string[], m: EntityManager = this.db.manager): Promise<string[]> {
    return takenUsernames(m, usernames);
  }

  /**
   * A learner account without a password (a cohort's CSV import: the caller checked the usernames and
   * gives each person a one-time code). The caller audits the creation with its own details.
   */
  createLearner(
    m: EntityManager,
    input: { username: string; displayName: string; locale: Locale },
  ): Promise<UserEntity> {
    return m.save(
      m.create(UserEntity, {
        username: input.username,
        displayName: input.displayName,
        role: 'learner',
        locale: input.locale,
        passwordHash: null,
      }),
    );
  }

  /**
   * A learner who signs themselves up (joining with a code), signed in at once: a taken username is a
   * 409 naming the field. Runs in a savepoint of the caller's transaction.
   */
  async signUpLearner(
    m: EntityManager,
    input: { username: string; displayName: string; locale: Locale; passwordHash: string; privacyVersion: string },
  ): Promise<UserEntity> {
    try {
      return await m.transaction((sm) =>
        sm.save(
          sm.create(UserEntity, {
            username: input.username,
            displayName: input.displayName,
            role: 'learner',
            locale: input.locale,
            passwordHash: input.passwordHash,
            passwordChangedAt: new Date(),
            privacyVersion: input.privacyVersion,
            privacyAcceptedAt: new Date(),
            lastLoginAt: new Date(),
          }),
        ),
      );
    } catch (e) {
      if (pgCode(e) === '23505') {
        throw new AppException(409, 'username_taken', 'This username is already taken. Choose another one.', [
          { path: 'body.username', message: 'is already taken' },
        ]);
      }
      throw e;
    }
  }

  /** Corrects a display name for staff who may (the caller checked and audits it). */
  async rename(m: EntityManager, userId: string, displayName: string): Promise<void> {
    await renameUser(m, userId, displayName);
  }
}
