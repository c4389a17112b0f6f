/** What other features may use of users. */
export { UsersModule } from './users.module.js';
export { UsersService } from './users.service.js';
export { UserEntity } from './user.entity.js';
export { toMe, toSummary } from './user-view.js';
