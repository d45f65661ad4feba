// Opens the welcome in a tab when the extension is first installed (never on an update or a
// browser update). The APIs are passed in by the background, so this module never imports `browser`.

export const WELCOME_PATH = '/welcome.html';

interface RuntimeApi {
  onInstalled: { addListener(listener: (details: { reason: string }) => void): void };
  getURL(path: typeof WELCOME_PATH): string;
}

interface TabsApi {
  create(properties: { url: string }): Promise<unknown>;
}

/** Registers the listener; call it synchronously, at the top level of the background's main. */
export function openWelcomeOnInstall(
  runtime: RuntimeApi,
  tabs: TabsApi,
  report: (err: unknown) => void = (err) => console.error('Tandem welcome:', err),
): void {
  runtime.onInstalled.addListener((details) => {
    if (details.reason !== 'install') return;
    Promise.resolve()
      .then(() => tabs.create({ url: runtime.getURL(WELCOME_PATH) }))
      .catch(report);
  });
}
