export {
  ConnectedFacetSidebar,
  FacetSidebar,
  type ConnectedFacetSidebarProps,
  type FacetSidebarProps,
} from './facet-sidebar.js';
