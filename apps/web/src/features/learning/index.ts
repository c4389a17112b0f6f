// What other features may use of learning. Keep it small: whatever is exported here loads with it
// (join's first page imports this, so no page or component modules here).
export { catalogQueryKey } from './api/get-catalog';
export { learningQueryKey } from './api/get-my-learning';
