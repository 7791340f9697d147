import { listProjects } from './list-projects.ts';
import { getProject } from './get-project.ts';
import { createProject } from './create-project.ts';
import { updateProject } from './update-project.ts';
import { deleteProject } from './delete-project.ts';
import { listApps } from './list-apps.ts';
import { getApp } from './get-app.ts';
import { createApp } from './create-app.ts';
import { updateApp } from './update-app.ts';
import { deleteApp } from './delete-app.ts';
import { deployApp } from './deploy-app.ts';
import { cancelDeployment } from './cancel-deployment.ts';
import { listDeployments } from './list-deployments.ts';
import { getDeployment } from './get-deployment.ts';
import { getBuildLogs } from './get-build-logs.ts';
import { diagnoseDeployment } from './diagnose-deployment.ts';
import { getAppLogs } from './get-app-logs.ts';
import { getAppStats } from './get-app-stats.ts';
import { startApp } from './start-app.ts';
import { stopApp } from './stop-app.ts';
import { restartApp } from './restart-app.ts';
import { rollbackApp } from './rollback-app.ts';
import { listEnvVars } from './list-env-vars.ts';
import { setEnvVars } from './set-env-vars.ts';
import { unsetEnvVars } from './unset-env-vars.ts';
import { setDeployKey } from './set-deploy-key.ts';
import { removeDeployKey } from './remove-deploy-key.ts';
import { addDomain } from './add-domain.ts';
import { listDomains } from './list-domains.ts';
import { removeDomain } from './remove-domain.ts';
import { listBackups } from './list-backups.ts';
import { createBackup } from './create-backup.ts';
import { scheduleBackup } from './schedule-backup.ts';
import { restoreBackup } from './restore-backup.ts';
import { deleteBackup } from './delete-backup.ts';
import { getBackup } from './get-backup.ts';
import { listBackupSchedules } from './list-backup-schedules.ts';
import { getBackupSchedule } from './get-backup-schedule.ts';
import { createBackupSchedule } from './create-backup-schedule.ts';
import { updateBackupSchedule } from './update-backup-schedule.ts';
import { deleteBackupSchedule } from './delete-backup-schedule.ts';
import { generateDockerfile } from './generate-dockerfile.ts';
import { refineDockerfile } from './refine-dockerfile.ts';
import { getAction } from './get-action.ts';
import { listPendingActions } from './list-pending-actions.ts';
import { waitForAction } from './wait-for-action.ts';
import { searchContext } from './search-context.ts';

/** Every panel operation, listed by hand so adding one is a visible, reviewed change. */
export const tools = [
  listProjects,
  getProject,
  createProject,
  updateProject,
  deleteProject,
  listApps,
  getApp,
  createApp,
  updateApp,
  deleteApp,
  deployApp,
  cancelDeployment,
  listDeployments,
  getDeployment,
  getBuildLogs,
  diagnoseDeployment,
  getAppLogs,
  getAppStats,
  startApp,
  stopApp,
  restartApp,
  rollbackApp,
  listEnvVars,
  setEnvVars,
  unsetEnvVars,
  setDeployKey,
  removeDeployKey,
  listDomains,
  addDomain,
  removeDomain,
  listBackups,
  createBackup,
  scheduleBackup,
  restoreBackup,
  deleteBackup,
  getBackup,
  listBackupSchedules,
  getBackupSchedule,
  createBackupSchedule,
  updateBackupSchedule,
  deleteBackupSchedule,
  generateDockerfile,
  refineDockerfile,
  getAction,
  listPendingActions,
  waitForAction,
  searchContext,
] as const;

export type PanelTool = (typeof tools)[number];

const byName = new Map<string, PanelTool>(tools.map((t) => [t.name, t]));

export function findTool(name: string): PanelTool | undefined {
  return byName.get(name);
}
