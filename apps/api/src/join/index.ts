/** What other features may use of join. */
export { JoinModule } from './join.module.js';
export { JoinCodeEntity } from './join.entities.js';
export { randomCode } from './join.service.js';
