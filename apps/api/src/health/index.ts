/** What other features may use of health. */
export { HealthModule } from './health.module.js';
