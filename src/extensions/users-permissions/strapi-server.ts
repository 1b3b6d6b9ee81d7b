import { addContentAccess } from '../../lib/route-policies';

/** users-permissions' content-API routes (auth, /api/users, roles) get the newsroom's access rules. */
export default (plugin: any) => {
  addContentAccess(plugin.routes['content-api'].routes);
  return plugin;
};
