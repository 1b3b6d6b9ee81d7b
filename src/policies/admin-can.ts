import { refuse } from '../infra/errors';

/**
 * Admin routes only for admin users holding one permission, e.g.
 * `{ action: 'plugin::content-manager.explorer.publish', subject: 'api::article.article' }`
 * — a capability, not a role name, so a renamed or new role keeps working.
 */
export default (policyContext: any, config: { action: string; subject?: string }) => {
  const ability = policyContext.state?.userAbility;
  if (ability?.can(config.action, config.subject)) return true;
  return refuse('authorization', `needs ${config.action}`, `This action needs the ${config.action} permission${config.subject ? ` on ${config.subject}` : ''}`);
};
