/** What other features may use of facts. */
export { FactsModule } from './facts.module.js';
export { FactsService } from './facts.service.js';
