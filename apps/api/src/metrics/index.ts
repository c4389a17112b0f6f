/** What other parts may use of metrics (docs/operations.md "Metrics and health"). */
export {
  DariMetrics,
  metricsConfigFromEnv,
  noProgressEventCounter,
  PROGRESS_EVENT_COUNTER,
  renderCluster,
  renderRegistry,
  serveMetrics,
  type MetricsConfig,
  type PoolStats,
  type ProgressEventCounter,
  type SessionCacheStats,
} from './metrics.js';
