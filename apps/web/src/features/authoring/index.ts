// What other features may use of authoring. Keep it small: whatever is exported here loads with it.
export { FactsToReview } from './components/facts-to-review';
