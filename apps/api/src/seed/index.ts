/** What other features may use of the demo seed. */
export { SeedModule } from './seed.module.js';
export { DEMO_ACCOUNTS, DemoSeedService } from './demo-seed.service.js';
