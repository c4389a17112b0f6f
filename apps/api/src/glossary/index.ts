/** What other features may use of the glossary. */
export { GlossaryModule } from './glossary.module.js';
export { GlossaryService } from './glossary.service.js';
export { GlossaryTermEntity, WordListEntryEntity, WordRequestEntity } from './glossary.entities.js';
