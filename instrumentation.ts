// Runs once when the server starts: a wrong platform configuration stops the start with the list of
// what is wrong, rather than failing the first person who opens the create form.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { loadPlatformConfigOrExit } = await import('./lib/platform/server');
  const { logError, logInfo } = await import('./lib/log');
  loadPlatformConfigOrExit({ info: logInfo, error: logError });
}
