/** What other features may use of the catalogue. */
export { CatalogModule } from './catalog.module.js';
