// Types for the cytoscape layout extensions, which ship none.
declare module 'cytoscape-fcose' {
  import type cytoscape from 'cytoscape';
  const extension: cytoscape.Ext;
  export default extension;
}

declare module 'cytoscape-dagre' {
  import type cytoscape from 'cytoscape';
  const extension: cytoscape.Ext;
  export default extension;
}
