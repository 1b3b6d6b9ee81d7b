import { addContentAccess } from '../../lib/route-policies';

/** i18n's content-API route (GET /api/i18n/locales) gets the newsroom's access rules. */
export default (plugin: any) => {
  addContentAccess(plugin.routes['content-api'].routes);
  return plugin;
};
