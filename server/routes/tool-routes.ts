import { createRouter } from '../http/router.ts';
import { addToolRoute, type ToolRoute } from '../http/tool-route.ts';

/**
 * The REST operations that act on the panel, each served by its tool through the approval gate
 * (server/http/tool-route.ts), so policy, approvals, audit and scrubbing apply to every caller.
 * Path parameters are tool input fields; the rest of the input is the query (GET, DELETE) or the
 * JSON body. Static segments come before parameters (/api/backups/configs before /api/backups/{backup}).
 */
export const toolRouteTable: readonly ToolRoute[] = [
  { method: 'get', path: '/api/projects', tool: 'list_projects', tags: ['projects'] },
  { method: 'post', path: '/api/projects', tool: 'create_project', status: 201, tags: ['projects'] },
  { method: 'get', path: '/api/projects/{project}', tool: 'get_project', tags: ['projects'] },
  { method: 'patch', path: '/api/projects/{project}', tool: 'update_project', tags: ['projects'] },
  { method: 'delete', path: '/api/projects/{project}', tool: 'delete_project', tags: ['projects'] },

  { method: 'get', path: '/api/apps', tool: 'list_apps', tags: ['apps'] },
  { method: 'post', path: '/api/apps', tool: 'create_app', status: 201, tags: ['apps'] },
  { method: 'get', path: '/api/apps/{app}', tool: 'get_app', tags: ['apps'] },
  { method: 'patch', path: '/api/apps/{app}', tool: 'update_app', tags: ['apps'] },
  { method: 'delete', path: '/api/apps/{app}', tool: 'delete_app', tags: ['apps'] },

  { method: 'post', path: '/api/apps/{app}/deploy', tool: 'deploy_app', status: 202, tags: ['deployments'] },
  { method: 'post', path: '/api/apps/{app}/rollback', tool: 'rollback_app', status: 202, tags: ['deployments'] },
  { method: 'get', path: '/api/apps/{app}/deployments', tool: 'list_deployments', tags: ['deployments'] },
  { method: 'get', path: '/api/deployments/{deployment}', tool: 'get_deployment', tags: ['deployments'] },
  { method: 'post', path: '/api/deployments/{deployment}/cancel', tool: 'cancel_deployment', tags: ['deployments'] },
  { method: 'get', path: '/api/deployments/{deployment}/logs', tool: 'get_build_logs', tags: ['deployments'] },

  { method: 'post', path: '/api/apps/{app}/start', tool: 'start_app', tags: ['runtime'] },
  { method: 'post', path: '/api/apps/{app}/stop', tool: 'stop_app', tags: ['runtime'] },
  { method: 'post', path: '/api/apps/{app}/restart', tool: 'restart_app', tags: ['runtime'] },
  { method: 'get', path: '/api/apps/{app}/logs', tool: 'get_app_logs', tags: ['runtime'] },
  { method: 'get', path: '/api/apps/{app}/stats', tool: 'get_app_stats', tags: ['runtime'] },

  { method: 'get', path: '/api/apps/{app}/env', tool: 'list_env_vars', tags: ['env'] },
  { method: 'put', path: '/api/apps/{app}/env', tool: 'set_env_vars', tags: ['env'] },
  { method: 'post', path: '/api/apps/{app}/env/unset', tool: 'unset_env_vars', tags: ['env'] },
  { method: 'put', path: '/api/apps/{app}/deploy-key', tool: 'set_deploy_key', tags: ['apps'] },
  { method: 'delete', path: '/api/apps/{app}/deploy-key', tool: 'remove_deploy_key', tags: ['apps'] },

  { method: 'get', path: '/api/apps/{app}/domains', tool: 'list_domains', tags: ['domains'] },
  { method: 'post', path: '/api/apps/{app}/domains', tool: 'add_domain', status: 201, tags: ['domains'] },
  { method: 'delete', path: '/api/apps/{app}/domains/{domain}', tool: 'remove_domain', tags: ['domains'] },

  { method: 'get', path: '/api/backups/configs', tool: 'list_backup_schedules', tags: ['backups'] },
  { method: 'post', path: '/api/backups/configs', tool: 'create_backup_schedule', status: 201, tags: ['backups'] },
  { method: 'get', path: '/api/backups/configs/{config}', tool: 'get_backup_schedule', tags: ['backups'] },
  { method: 'patch', path: '/api/backups/configs/{config}', tool: 'update_backup_schedule', tags: ['backups'] },
  { method: 'delete', path: '/api/backups/configs/{config}', tool: 'delete_backup_schedule', tags: ['backups'] },
  { method: 'get', path: '/api/backups', tool: 'list_backups', tags: ['backups'] },
  { method: 'post', path: '/api/backups', tool: 'create_backup', status: 202, tags: ['backups'] },
  { method: 'get', path: '/api/backups/{backup}', tool: 'get_backup', tags: ['backups'] },
  { method: 'post', path: '/api/backups/{backup}/restore', tool: 'restore_backup', tags: ['backups'] },
  { method: 'delete', path: '/api/backups/{backup}', tool: 'delete_backup', tags: ['backups'] },
];

export function toolRouteRoutes() {
  const router = createRouter();
  for (const route of toolRouteTable) addToolRoute(router, route);
  return router;
}
