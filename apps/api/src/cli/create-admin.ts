// `npm run create-admin -- --username NAME [--display-name NAME]`: an admin account on a server
// without demo data. The password comes from DARI_ADMIN_PASSWORD, or is asked for (hidden); with
// neither, a one-time code is printed for the new admin to set a password at sign-in.
import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { displayNameSchema, passwordSchema, usernameSchema } from '@dari/contracts';
import { UsersService } from '../users/index.js';
import { withAppContext } from './app-context.js';
import { say } from './database.js';

const { values } = parseArgs({ options: { username: { type: 'string' }, 'display-name': { type: 'string' } } });

async function ask(question: string, hidden = false): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stdout.write('\n');
      resolve(answer);
    });
    muted = hidden;
  });
}

function check<T>(
  schema: {
    safeParse: (
      v: unknown,
    ) => { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: string,
  what: string,
): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(`${what} ${r.error.issues[0].message}`);
  return r.data;
}

async function main(): Promise<void> {
  const interactive = process.stdin.isTTY;
  const usernameRaw = values.username ?? (interactive ? await ask('Username for the new admin: ') : undefined);
  if (!usernameRaw) throw new Error('give --username NAME');
  const username = check(usernameSchema, usernameRaw, 'username');
  const displayName = check(displayNameSchema, values['display-name'] ?? username, 'display name');
  let password = process.env.DARI_ADMIN_PASSWORD;
  if (!password && interactive) {
    password = await ask('Password (8–128 characters; leave empty for a one-time code): ', true);
    if (password && password !== (await ask('The same password again: ', true)))
      throw new Error('the two passwords differ');
  }
  if (password) check(passwordSchema, password, 'password');

  await withAppContext(async (ctx) => {
    const created = await ctx
      .get(UsersService)
      .create({ username, displayName, role: 'admin', locale: 'ko', password: password || undefined }, null);
    say(`admin "${created.user.username}" created`);
    if (created.resetCode) {
      say(`one-time code: ${created.resetCode.code} (valid until ${created.resetCode.expiresAt})`);
      say('sign-in page → "I have a reset code" → this username and code → a new password');
    }
  });
}

main().catch((e: unknown) => {
  const detail = e instanceof Error ? (process.env.DARI_DEBUG ? e.stack : e.message) : String(e);
  process.stderr.write(`[dari] create-admin: ${detail}\n`);
  process.exit(1);
});
