/** What other features may use of media. */
export { MediaModule } from './media.module.js';
export { MediaService, safeFilename } from './media.service.js';
export { MediaEntity } from './media.entity.js';
