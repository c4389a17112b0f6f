// `npm run migration:run`: runs pending migrations on DATABASE_URL (or the embedded database).
import { runMigrations } from '../database/migrate.js';
import { openDatabase, say } from './database.js';

const { url, embedded } = await openDatabase({ reuseRunning: true });
try {
  const ran = await runMigrations(url);
  say(ran.length ? `ran: ${ran.join(', ')}` : 'the database is up to date');
} finally {
  await embedded?.stop();
}
