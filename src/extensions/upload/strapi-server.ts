import { addAdminRoutePolicy, addContentAccess } from '../../lib/route-policies';

/**
 * The upload plugin's content-API routes get the newsroom's access rules, and
 * its server-side "upload from URL" (the server fetches any URL an admin
 * types) is for those who may publish: not for reporters.
 */
export default (plugin: any) => {
  addContentAccess(plugin.routes['content-api'].routes);
  addAdminRoutePolicy(plugin.routes.admin.routes, 'POST', '/actions/upload-from-urls', {
    name: 'global::admin-can',
    config: { action: 'plugin::content-manager.explorer.publish', subject: 'api::article.article' },
  });
  return plugin;
};
