/** What other parts may use of metrics (docs/operations.md "Metrics and health"). */
export {
  DariMetrics,
  metricsConfigFromEnv,
  renderCluster,
  renderRegistry,
  serveMetrics,
  type MetricsConfig,
  type PoolStats,
} from './metrics.js';
