// Entry point of the explorer page: the GraphQL client on the same origin, and the app on #app.
// `?webgl=1` turns on cytoscape's experimental WebGL renderer (see bench/RESULTS.md, "explorer").
import { createExplorerApi } from './api/explorerApi.ts';
import { ExplorerApp } from './ui/app.ts';

const root = document.getElementById('app');
if (root) {
  const webgl = new URLSearchParams(location.search).get('webgl') === '1';
  const app = new ExplorerApp(root, createExplorerApi(), { webgl });
  (window as unknown as { cskg: ExplorerApp }).cskg = app;
}
