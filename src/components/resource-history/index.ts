export { ResourceHistory, type ResourceHistoryProps } from './resource-history.js';
