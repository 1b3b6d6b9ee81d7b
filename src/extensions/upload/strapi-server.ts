import { addAdminRoutePolicy, addContentAccess } from '../../lib/route-policies';
import { discoverRenditions, recropStoredFile, type UploadingFile } from './renditions';

type Service = Record<string, (...args: any[]) => any>;

/**
 * The upload plugin's content-API routes get the newsroom's access rules, and
 * its server-side "upload from URL" (the server fetches any URL an admin
 * types) is for those who may publish: not for reporters.
 *
 * Every uploaded or replaced image also gets the Google Discover renditions
 * (src/extensions/upload/renditions.ts): image-manipulation's
 * `generateResponsiveFormats` returns them after Strapi's breakpoints, so
 * Strapi's own upload/replace/delete code stores, serves and removes them in
 * `formats` like the others (also when responsive formats are switched off in
 * the media library settings: Discover needs them). Moving the focal point
 * later (`updateFileInfo`) cuts them again.
 */
export default (plugin: any) => {
  addContentAccess(plugin.routes['content-api'].routes);
  addAdminRoutePolicy(plugin.routes.admin.routes, 'POST', '/actions/upload-from-urls', {
    name: 'global::admin-can',
    config: { action: 'plugin::content-manager.explorer.publish', subject: 'api::article.article' },
  });

  const imageManipulation: Service = plugin.services['image-manipulation'];
  plugin.services['image-manipulation'] = {
    ...imageManipulation,
    async generateResponsiveFormats(file: UploadingFile) {
      const formats = (await imageManipulation.generateResponsiveFormats(file)) ?? [];
      return [...formats, ...(await discoverRenditions(file))];
    },
  };

  const uploadFactory: (ctx: { strapi: any }) => Service = plugin.services.upload;
  plugin.services.upload = (ctx: { strapi: any }) => {
    const upload = uploadFactory(ctx);
    return {
      ...upload,
      async updateFileInfo(id: number, info: { focalPoint?: unknown }, opts?: unknown) {
        const before = await ctx.strapi.db.query('plugin::upload.file').findOne({ where: { id }, select: ['focalPoint'] });
        const updated = await upload.updateFileInfo(id, info, opts);
        const moved = info?.focalPoint != null && JSON.stringify(before?.focalPoint ?? null) !== JSON.stringify(updated?.focalPoint ?? null);
        return moved ? recropStoredFile(ctx.strapi, updated) : updated;
      },
      // A replaced image keeps its focal point (Strapi keeps it in the row) unless a new one is sent: cut around it.
      async replace(id: number, { data, file }: { data: { fileInfo?: { focalPoint?: unknown } }; file: unknown }, opts?: unknown) {
        if (data?.fileInfo?.focalPoint == null) {
          const before = await ctx.strapi.db.query('plugin::upload.file').findOne({ where: { id }, select: ['focalPoint'] });
          if (before?.focalPoint) data = { ...data, fileInfo: { ...(data?.fileInfo ?? {}), focalPoint: before.focalPoint } };
        }
        return upload.replace(id, { data, file }, opts);
      },
    };
  };
  return plugin;
};
