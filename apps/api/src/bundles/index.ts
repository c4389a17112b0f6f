/** What other features may use of bundles. */
export { BundlesModule } from './bundles.module.js';
export { BundlesService } from './bundles.service.js';
export { CurriculumSeedService } from './curriculum-seed.service.js';
